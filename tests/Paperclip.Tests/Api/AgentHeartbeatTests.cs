using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>The agent's heartbeat end to end through HTTP, as the reference skill runs it (reference §11.1).</summary>
[Collection(WebhookCollection.Name)]
public sealed class AgentHeartbeatTests(WebhookCluster cluster)
{
    private ApiClient Board => cluster.Api;

    [Fact]
    public async Task AgentWorksItsInboxAndABoardMentionWakesItAgain()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { title = "Write the release notes", assigneeAgentId = agent.AgentId });

        var me = await agent.Api.GetAsync("/api/agents/me", runId: agent.RunId);
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(agent.AgentId, me.Id);
        var inbox = await agent.Api.GetAsync("/api/agents/me/inbox-lite", runId: agent.RunId);
        Assert.Equal([issue.Id], inbox.Body.Ids());

        Assert.Equal(HttpStatusCode.OK, (await agent.CheckoutAsync(issue.Id, "todo")).Status);
        var context = await agent.Api.GetAsync($"/api/issues/{issue.Id}/heartbeat-context", runId: agent.RunId);
        Assert.Equal(HttpStatusCode.OK, context.Status);
        Assert.Equal("in_progress", context.Body.GetProperty("issue").Text("status"));
        Assert.Equal(0, context.Body.GetProperty("commentCursor").GetProperty("totalComments").GetInt32());

        var progress = await agent.Api.PostAsync($"/api/issues/{issue.Id}/comments", new { body = "Drafted the notes." }, runId: agent.RunId);
        Assert.Equal(HttpStatusCode.Created, progress.Status);
        Assert.Equal(agent.AgentId, progress.Body.GuidOrNull("authorAgentId"));
        var done = await agent.PatchAsync(issue.Id, new { status = "done", comment = "Done: notes are in docs/release.md." });
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal("done", done.Body.Text("status"));
        Assert.Equal("Done: notes are in docs/release.md.", done.Body.GetProperty("comment").Text("body"));

        var agentName = (await Board.GetAsync($"/api/agents/{agent.AgentId}")).Str("name");
        var mention = await Board.PostAsync($"/api/issues/{issue.Id}/comments", new { body = $"@{agentName} please add the migration notes too." });
        Assert.Equal(HttpStatusCode.Created, mention.Status);

        var wakeups = await Wakeups.ListAsync(Board, agent.AgentId);
        var latest = wakeups[0];
        Assert.Equal("issue_comment_mentioned", latest.Text("reason"));
        Assert.Equal(mention.Id, latest.GuidOrNull("commentId"));
        var after = await agent.NewRun().Api.GetAsync($"/api/issues/{issue.Id}/heartbeat-context?wakeCommentId={mention.Id}");
        Assert.Equal(3, after.Body.GetProperty("commentCursor").GetProperty("totalComments").GetInt32());
        Assert.Equal(mention.Id, after.Body.GetProperty("commentCursor").GuidOrNull("latestCommentId"));
        Assert.Equal(mention.Id, after.Body.GetProperty("wakeComment").GuidOrNull("id"));
    }
}
