using System.Net;
using System.Text.Json;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>Which issue requests wake which agent, recorded before the reply (reference §4.2, §4.5, §4.6, §6.3; CONTRACT §5).</summary>
[Collection(WebhookCollection.Name)]
public sealed class WakeupTriggerTests(WebhookCluster cluster)
{
    private ApiClient Board => cluster.Api;

    [Fact]
    public async Task CreatingAnAssignedIssueWakesTheAssignee()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent });

        var wakeup = Assert.Single(await Wakeups.ListAsync(Board, agent));
        Assert.Equal("issue_assigned", wakeup.Text("reason"));
        Assert.Equal("assignment", wakeup.Text("source"));
        Assert.Equal("system", wakeup.Text("triggerDetail"));
        Assert.Equal("queued", wakeup.Text("status"));
        Assert.Equal(issue.Id, wakeup.GuidOrNull("issueId"));
        Assert.True(wakeup.IsNull("commentId"));
        Assert.Equal(company, wakeup.GuidOrNull("companyId"));
        Assert.Equal("user", wakeup.Text("requestedByActorType"));
        Assert.Equal("local-board", wakeup.Text("requestedByActorId"));
        Assert.True(wakeup.IsNull("delivery"));
        var payload = wakeup.GetProperty("payload");
        Assert.Equal(issue.Id.ToString(), payload.Text("issueId"));
        Assert.Equal("create", payload.Text("mutation"));
    }

    [Fact]
    public async Task CreatingAnAssignedBacklogIssueWakesNobody()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentAsync(Board, company);
        await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent, status = "backlog" });

        Assert.Empty(await Wakeups.ListAsync(Board, agent));
    }

    [Fact]
    public async Task ReassigningWakesTheNewAssigneeOnly()
    {
        var company = await Setup.CompanyAsync(Board);
        var first = await Setup.AgentAsync(Board, company);
        var second = await Setup.AgentAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { assigneeAgentId = first });

        var patched = await Board.PatchAsync($"/api/issues/{issue.Id}", new { assigneeAgentId = second });
        Assert.Equal(HttpStatusCode.OK, patched.Status);

        Assert.Single(await Wakeups.ListAsync(Board, first));
        var wakeup = Assert.Single(await Wakeups.ListAsync(Board, second));
        Assert.Equal("issue_assigned", wakeup.Text("reason"));
        Assert.Equal("update", wakeup.GetProperty("payload").Text("mutation"));
    }

    [Fact]
    public async Task AssigningTheSameAgentAgainWakesNobody()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent });

        await Board.PatchAsync($"/api/issues/{issue.Id}", new { assigneeAgentId = agent, title = "Renamed" });

        Assert.Single(await Wakeups.ListAsync(Board, agent));
    }

    [Fact]
    public async Task ReassigningWithinTheBacklogWakesNobody()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company);

        await Board.PatchAsync($"/api/issues/{issue.Id}", new { assigneeAgentId = agent });

        Assert.Empty(await Wakeups.ListAsync(Board, agent));
    }

    [Fact]
    public async Task LeavingTheBacklogWakesTheAssigneeOnce()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent, status = "backlog" });

        await Board.PatchAsync($"/api/issues/{issue.Id}", new { title = "Still in the backlog" });
        Assert.Empty(await Wakeups.ListAsync(Board, agent));

        await Board.PatchAsync($"/api/issues/{issue.Id}", new { status = "todo" });
        await Board.PatchAsync($"/api/issues/{issue.Id}", new { status = "blocked" });

        var wakeup = Assert.Single(await Wakeups.ListAsync(Board, agent));
        Assert.Equal("issue_status_changed", wakeup.Text("reason"));
        Assert.Equal("automation", wakeup.Text("source"));
    }

    [Fact]
    public async Task BoardCheckoutOnBehalfOfAnAgentWakesIt()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });

        var checkout = await Board.PostAsync($"/api/issues/{issue.Id}/checkout", new { agentId = agent, expectedStatuses = new[] { "todo" } });
        Assert.Equal(HttpStatusCode.OK, checkout.Status);

        var wakeup = Assert.Single(await Wakeups.ListAsync(Board, agent));
        Assert.Equal("issue_checked_out", wakeup.Text("reason"));
        Assert.Equal("assignment", wakeup.Text("source"));
        Assert.Equal("checkout", wakeup.GetProperty("payload").Text("mutation"));
    }

    [Fact]
    public async Task AgentsNeverWakeThemselves()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var todo = await Setup.IssueAsync(Board, company, new { status = "todo" });

        Assert.Equal(HttpStatusCode.OK, (await agent.CheckoutAsync(todo.Id, "todo")).Status);
        var own = await agent.Api.PostAsync($"/api/companies/{company}/issues",
            new { title = "For myself", assigneeAgentId = agent.AgentId }, runId: agent.RunId);
        Assert.Equal(HttpStatusCode.Created, own.Status);

        Assert.Empty(await Wakeups.ListAsync(Board, agent.AgentId));
    }

    [Fact]
    public async Task APausedAgentsWakeupIsRecordedAsSkipped()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentWithStatusAsync(Board, company, "paused");
        await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent });

        var wakeup = Assert.Single(await Wakeups.ListAsync(Board, agent));
        Assert.Equal("skipped", wakeup.Text("status"));
        Assert.Equal("Agent is not invokable in its current state", wakeup.Text("error"));
        Assert.False(wakeup.IsNull("finishedAt"));
    }

    [Fact]
    public async Task AManualWakeupIsRecordedWithItsRun()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentAsync(Board, company);

        var run = await Board.PostAsync($"/api/agents/{agent}/wakeup", new { source = "on_demand", reason = "look again", payload = new { hint = 1 } });
        Assert.Equal(HttpStatusCode.Accepted, run.Status);

        var wakeup = Assert.Single(await Wakeups.ListAsync(Board, agent));
        Assert.Equal(run.Id, wakeup.GuidOrNull("runId"));
        Assert.Equal("on_demand", wakeup.Text("source"));
        Assert.Equal("manual", wakeup.Text("triggerDetail"));
        Assert.Equal("look again", wakeup.Text("reason"));
        Assert.Equal(1, wakeup.GetProperty("payload").GetProperty("hint").GetInt32());
        Assert.True(wakeup.IsNull("issueId"));
    }

    [Fact]
    public async Task WakeupsAreListedNewestFirst()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentAsync(Board, company);
        var first = await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent });
        var second = await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent });

        var wakeups = await Wakeups.ListAsync(Board, agent);
        Assert.Equal([second.Id, first.Id], wakeups.Select(wakeup => wakeup.GuidOrNull("issueId")!.Value));
        var limited = await Board.GetAsync($"/api/agents/{agent}/wakeups?limit=1");
        Assert.Equal(JsonValueKind.Array, limited.Body.ValueKind);
        Assert.Equal(1, limited.Body.GetArrayLength());
    }
}
