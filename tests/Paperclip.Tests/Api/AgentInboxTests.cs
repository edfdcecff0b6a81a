using System.Net;
using System.Text.Json;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>What an agent reads in its heartbeat (reference §4.1 inbox-lite, §4.4 heartbeat-context, §11.1) and who may read wakeups.</summary>
[Collection(WebhookCollection.Name)]
public sealed class AgentInboxTests(WebhookCluster cluster)
{
    private ApiClient Board => cluster.Api;

    [Fact]
    public async Task InboxLiteListsOnlyTheCallersOpenAssignedIssuesCompactly()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var other = await Setup.AgentAsync(Board, company);
        var todo = await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent.AgentId, priority = "low" });
        var blocked = await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent.AgentId, status = "blocked" });
        var working = await Setup.IssueAsync(Board, company, new { status = "todo", priority = "critical" });
        Assert.Equal(HttpStatusCode.OK, (await agent.CheckoutAsync(working.Id, "todo")).Status);
        await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent.AgentId, status = "backlog" });
        await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent.AgentId, status = "done" });
        await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent.AgentId, status = "in_review" });
        await Setup.IssueAsync(Board, company, new { assigneeAgentId = other });
        await Setup.IssueAsync(Board, company, new { status = "todo" });

        var inbox = await agent.Api.GetAsync("/api/agents/me/inbox-lite");
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        Assert.Equal([working.Id, blocked.Id, todo.Id], inbox.Body.Ids());
        var first = inbox.Body[0];
        Assert.Equal(
            ["id", "identifier", "title", "status", "priority", "projectId", "goalId", "parentId", "updatedAt", "activeRun"],
            first.EnumerateObject().Select(property => property.Name));
        Assert.Equal(working.Str("identifier"), first.Text("identifier"));
        Assert.Equal("in_progress", first.Text("status"));
        Assert.Equal(agent.RunId, first.GetProperty("activeRun").Text("id"));
        Assert.True(inbox.Body[1].IsNull("activeRun"));
    }

    [Fact]
    public async Task InboxLiteIsForAgentsOnly()
    {
        var inbox = await Board.GetAsync("/api/agents/me/inbox-lite");
        Assert.Equal(HttpStatusCode.Unauthorized, inbox.Status);
        Assert.Equal("Agent authentication required", inbox.Error);
    }

    [Fact]
    public async Task AnAgentReadsItsOwnWakeupsOnly()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var colleague = await Setup.AgentAsync(Board, company);
        var stranger = await Setup.AgentAsync(Board, await Setup.CompanyAsync(Board));
        await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent.AgentId });

        var own = await agent.Api.GetAsync($"/api/agents/{agent.AgentId}/wakeups");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(1, own.Body.GetArrayLength());

        var ofColleague = await agent.Api.GetAsync($"/api/agents/{colleague}/wakeups");
        Assert.Equal(HttpStatusCode.Forbidden, ofColleague.Status);
        Assert.Equal("Agent can only read its own wakeups", ofColleague.Error);

        var ofStranger = await agent.Api.GetAsync($"/api/agents/{stranger}/wakeups");
        Assert.Equal(HttpStatusCode.NotFound, ofStranger.Status);
        Assert.Equal("Agent not found", ofStranger.Error);
    }

    [Fact]
    public async Task HeartbeatContextHasTheReferenceShape()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var goal = await Setup.GoalAsync(Board, company);
        var project = await Setup.ProjectAsync(Board, company, new { targetDate = "2027-01-31" });
        var parent = await Setup.IssueAsync(Board, company, new { priority = "high" });
        var issue = await Setup.IssueAsync(Board, company,
            new { parentId = parent.Id, projectId = project, goalId = goal, assigneeAgentId = agent.AgentId, description = "Do it" });

        var response = await agent.Api.GetAsync($"/api/issues/{issue.Str("identifier")}/heartbeat-context?wakeCommentId={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var body = response.Body;
        Assert.Equal(["issue", "ancestors", "project", "goal", "commentCursor", "wakeComment"], body.EnumerateObject().Select(p => p.Name));

        var context = body.GetProperty("issue");
        Assert.Equal(
            ["id", "identifier", "title", "description", "status", "priority", "projectId", "goalId", "parentId", "assigneeAgentId", "assigneeUserId", "updatedAt"],
            context.EnumerateObject().Select(p => p.Name));
        Assert.Equal(issue.Id, context.GuidOrNull("id"));
        Assert.Equal("Do it", context.Text("description"));
        Assert.Equal(goal, context.GuidOrNull("goalId"));
        Assert.Equal(agent.AgentId, context.GuidOrNull("assigneeAgentId"));

        var ancestor = Assert.Single(body.GetProperty("ancestors").EnumerateArray());
        Assert.Equal(["id", "identifier", "title", "status", "priority"], ancestor.EnumerateObject().Select(p => p.Name));
        Assert.Equal(parent.Id, ancestor.GuidOrNull("id"));
        Assert.Equal("high", ancestor.Text("priority"));

        var projectContext = body.GetProperty("project");
        Assert.Equal(["id", "name", "status", "targetDate"], projectContext.EnumerateObject().Select(p => p.Name));
        Assert.Equal(project, projectContext.GuidOrNull("id"));
        Assert.Equal("2027-01-31", projectContext.Text("targetDate"));

        var goalContext = body.GetProperty("goal");
        Assert.Equal(["id", "title", "status", "level", "parentId"], goalContext.EnumerateObject().Select(p => p.Name));
        Assert.Equal(goal, goalContext.GuidOrNull("id"));

        var cursor = body.GetProperty("commentCursor");
        Assert.Equal(0, cursor.GetProperty("totalComments").GetInt32());
        Assert.True(cursor.IsNull("latestCommentId"));
        Assert.True(cursor.IsNull("latestCommentAt"));
        Assert.True(body.IsNull("wakeComment"));
    }

    [Fact]
    public async Task HeartbeatContextOfAnotherCompanysIssueIsNotFound()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var foreign = await Setup.IssueAsync(Board, await Setup.CompanyAsync(Board));

        var response = await agent.Api.GetAsync($"/api/issues/{foreign.Id}/heartbeat-context");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Issue not found", response.Error);
        Assert.Equal(JsonValueKind.Object, response.Body.ValueKind);
    }
}
