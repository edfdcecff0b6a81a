using System.Net;
using System.Text.Json;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>The activity log of every mutation, and its routes (reference §2.9, §9; CONTRACT §5).</summary>
[Collection(ApiCollection.Name)]
public sealed class ActivityApiTests(ApiCluster cluster)
{
    private ApiClient Board => cluster.Api;

    private async Task<List<JsonElement>> IssueActivityAsync(Guid issue) =>
        [.. (await cluster.ApiB.GetAsync($"/api/issues/{issue}/activity")).Body.EnumerateArray()];

    private static JsonElement Details(JsonElement entry) => entry.GetProperty("details");

    [Fact]
    public async Task CreateUpdateAndDeleteAreLoggedNewestFirstWithTheirDetails()
    {
        var company = await Setup.CompanyAsync(Board);
        var issue = await Setup.IssueAsync(Board, company, new { title = "Logged", priority = "low" });
        await Board.PatchAsync($"/api/issues/{issue.Id}", new { priority = "high", title = "Logged" });

        var log = await IssueActivityAsync(issue.Id);

        Assert.Equal(["issue.updated", "issue.created"], log.Select(entry => entry.Text("action")));
        var created = log[1];
        Assert.Equal(("user", "local-board", "issue", issue.Id.ToString()),
            (created.Text("actorType"), created.Text("actorId"), created.Text("entityType"), created.Text("entityId")));
        Assert.Equal(company.ToString(), created.Text("companyId"));
        Assert.True(created.IsNull("agentId"));
        Assert.True(created.IsNull("runId"));
        Assert.Equal(("Logged", issue.Str("identifier")), (Details(created).Text("title"), Details(created).Text("identifier")));
        var updated = Details(log[0]);
        Assert.Equal(("high", "Logged", issue.Str("identifier")), (updated.Text("priority"), updated.Text("title"), updated.Text("identifier")));
        // Only what changed has a previous value.
        Assert.Equal("""{"priority":"low"}""", updated.GetProperty("_previous").GetRawText());
        Assert.True(log[0].GetProperty("seq").GetInt64() > log[1].GetProperty("seq").GetInt64());

        await Board.DeleteAsync($"/api/issues/{issue.Id}");
        var companyLog = await Board.GetAsync($"/api/companies/{company}/activity?entityType=issue&entityId={issue.Id}");
        var deleted = companyLog.Body[0];
        Assert.Equal("issue.deleted", deleted.Text("action"));
        Assert.True(deleted.IsNull("details"));
    }

    [Fact]
    public async Task CommentsAreLoggedWithSnippetAndReopen()
    {
        var company = await Setup.CompanyAsync(Board);
        var issue = await Setup.IssueAsync(Board, company, new { title = "Closed one", status = "done" });
        var body = new string('a', 130);

        var comment = await Board.PostAsync($"/api/issues/{issue.Id}/comments", new { body, reopen = true });

        var log = await IssueActivityAsync(issue.Id);
        Assert.Equal(["issue.comment_added", "issue.updated", "issue.created"], log.Select(entry => entry.Text("action")));
        var added = Details(log[0]);
        Assert.Equal(comment.Str("id"), added.Text("commentId"));
        Assert.Equal(new string('a', 120), added.Text("bodySnippet"));
        Assert.Equal(("Closed one", issue.Str("identifier")), (added.Text("issueTitle"), added.Text("identifier")));
        Assert.True(added.GetProperty("reopened").GetBoolean());
        Assert.Equal("done", added.Text("reopenedFrom"));
        var reopen = Details(log[1]);
        Assert.Equal(("todo", "comment", "done"), (reopen.Text("status"), reopen.Text("source"), reopen.Text("reopenedFrom")));
    }

    [Fact]
    public async Task PatchWithCommentLogsTheUpdateFromTheCommentAndTheComment()
    {
        var company = await Setup.CompanyAsync(Board);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });

        var patched = await Board.PatchAsync($"/api/issues/{issue.Id}", new { status = "blocked", comment = "waiting on review" });

        var log = await IssueActivityAsync(issue.Id);
        Assert.Equal(["issue.comment_added", "issue.updated", "issue.created"], log.Select(entry => entry.Text("action")));
        Assert.Equal(("blocked", "comment"), (Details(log[1]).Text("status"), Details(log[1]).Text("source")));
        Assert.Equal("""{"status":"todo"}""", Details(log[1]).GetProperty("_previous").GetRawText());
        Assert.Equal(patched.Body.GetProperty("comment").Text("id"), Details(log[0]).Text("commentId"));
        Assert.True(Details(log[0]).GetProperty("updated").GetBoolean());
    }

    [Fact]
    public async Task CheckoutReleaseAndForceReleaseAreLoggedWithTheAgentAndRun()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });

        await agent.CheckoutAsync(issue.Id, "todo");
        await agent.ReleaseAsync(issue.Id);
        await agent.CheckoutAsync(issue.Id, "todo");
        await Board.PostAsync($"/api/issues/{issue.Id}/admin/force-release?clearAssignee=true");

        var log = await IssueActivityAsync(issue.Id);
        Assert.Equal(["issue.admin_force_release", "issue.checked_out", "issue.released", "issue.checked_out", "issue.created"],
            log.Select(entry => entry.Text("action")));
        var checkout = log[3];
        Assert.Equal(("agent", agent.AgentId.ToString(), agent.AgentId.ToString(), agent.RunId),
            (checkout.Text("actorType"), checkout.Text("actorId"), checkout.Text("agentId"), checkout.Text("runId")));
        Assert.Equal(agent.AgentId.ToString(), Details(checkout).Text("agentId"));
        Assert.True(log[2].IsNull("details"));
        var force = Details(log[0]);
        Assert.True(force.GetProperty("clearAssignee").GetBoolean());
        Assert.Equal((agent.RunId, agent.RunId), (force.Text("previousCheckoutRunId"), force.Text("previousExecutionRunId")));
    }

    [Fact]
    public async Task StaleLockAdoptionIsLogged()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });
        await agent.CheckoutAsync(issue.Id, "todo");
        await Board.PostAsync($"/api/heartbeat-runs/{agent.RunId}/finish", new { status = "failed" });
        var next = agent.NewRun();

        var patched = await next.PatchAsync(issue.Id, new { comment = "picking it back up" });

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        var adopted = (await IssueActivityAsync(issue.Id)).Single(entry => entry.Text("action") == "issue.checkout_lock_adopted");
        Assert.Equal((agent.RunId, next.RunId, "stale_checkout_run"),
            (Details(adopted).Text("previousCheckoutRunId"), Details(adopted).Text("checkoutRunId"), Details(adopted).Text("reason")));
    }

    [Fact]
    public async Task AgentKeyCreationAndRevocationAreLoggedOnTheAgent()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentAsync(Board, company);
        var key = await Board.PostAsync($"/api/agents/{agent}/keys", new { name = "ci" });
        await Board.DeleteAsync($"/api/agents/{agent}/keys/{key.Id}");

        var log = await Board.GetAsync($"/api/companies/{company}/activity?entityType=agent&entityId={agent}");

        Assert.Equal(["agent.key_revoked", "agent.key_created"], log.Body.Column("action"));
        Assert.All(log.Body.EnumerateArray(), entry => Assert.Equal((key.Str("id"), "ci"), (Details(entry).Text("keyId"), Details(entry).Text("name"))));
        Assert.DoesNotContain(key.Str("token"), log.Text);
    }

    [Fact]
    public async Task CompanyActivityFiltersByAgentAndPagesWithTheBeforeCursor()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        for (var i = 0; i < 3; i++)
        {
            await agent.Api.PostAsync($"/api/companies/{company}/issues", new { title = $"by agent {i}" });
        }
        await Setup.IssueAsync(Board, company);

        var byAgent = await Board.GetAsync($"/api/companies/{company}/activity?agentId={agent.AgentId}");
        var all = await Board.GetAsync($"/api/companies/{company}/activity?entityType=issue");
        var firstPage = await Board.GetAsync($"/api/companies/{company}/activity?entityType=issue&limit=2");
        var cursor = firstPage.Body[1].GetProperty("seq").GetInt64();
        var secondPage = await Board.GetAsync($"/api/companies/{company}/activity?entityType=issue&limit=2&before={cursor}");

        Assert.Equal(3, byAgent.Body.GetArrayLength());
        Assert.All(byAgent.Body.EnumerateArray(), entry => Assert.Equal(agent.AgentId.ToString(), entry.Text("agentId")));
        Assert.Equal(4, all.Body.GetArrayLength());
        Assert.Equal(all.Body.Ids(), [.. firstPage.Body.Ids(), .. secondPage.Body.Ids()]);
    }

    [Fact]
    public async Task InvalidPagingIsRefusedAndAForeignAgentIsKeptOut()
    {
        var company = await Setup.CompanyAsync(Board);
        var issue = await Setup.IssueAsync(Board, company);
        var stranger = await AgentSession.CreateAsync(Board, await Setup.CompanyAsync(Board));

        var badLimit = await Board.GetAsync($"/api/companies/{company}/activity?limit=0");
        var badBefore = await Board.GetAsync($"/api/companies/{company}/activity?before=x");
        var badAgent = await Board.GetAsync($"/api/companies/{company}/activity?agentId=nope");
        var foreignCompany = await stranger.Api.GetAsync($"/api/companies/{company}/activity");
        var foreignIssue = await stranger.Api.GetAsync($"/api/issues/{issue.Id}/activity");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity),
            (badLimit.Status, badBefore.Status, badAgent.Status));
        Assert.Equal((HttpStatusCode.Forbidden, "Agent key cannot access another company"), (foreignCompany.Status, foreignCompany.Error));
        Assert.Equal((HttpStatusCode.NotFound, "Issue not found"), (foreignIssue.Status, foreignIssue.Error));
    }

    [Fact]
    public async Task NonUuidRunIdIsLoggedWithoutRunAndNeverFailsTheMutation()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);

        var created = await agent.Api.PostAsync($"/api/companies/{company}/issues", new { title = "odd run" }, runId: "not-a-uuid");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.True((await IssueActivityAsync(created.Id))[0].IsNull("runId"));
    }
}
