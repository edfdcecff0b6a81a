using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>Comments through HTTP (reference §4.5, §4.9; CONTRACT §5).</summary>
[Collection(ApiCollection.Name)]
public sealed class CommentsApiTests(ApiCluster cluster)
{
    private ApiClient Board => cluster.Api;

    private async Task<(Guid Company, Guid Issue)> IssueAsync(object? extra = null)
    {
        var company = await Setup.CompanyAsync(Board);
        return (company, (await Setup.IssueAsync(Board, company, extra)).Id);
    }

    /// <summary>Posts <paramref name="count"/> comments one after another; their ids oldest first.</summary>
    private async Task<List<Guid>> CommentsAsync(Guid issue, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var created = await Board.PostAsync($"/api/issues/{issue}/comments", new { body = $"comment {i}" });
            Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
            ids.Add(created.Id);
        }
        return ids;
    }

    [Fact]
    public async Task BoardCommentIsCreatedWithItsAuthorAndBumpsTheIssue()
    {
        var (company, issue) = await IssueAsync();
        var before = (await Board.GetAsync($"/api/issues/{issue}")).Body.Time("updatedAt");

        var created = await Board.PostAsync($"/api/issues/{issue}/comments", new { body = "Progress: halfway" });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(company.ToString(), created.Str("companyId"));
        Assert.Equal(issue.ToString(), created.Str("issueId"));
        Assert.Equal("local-board", created.Str("authorUserId"));
        Assert.True(created.Body.IsNull("authorAgentId"));
        Assert.Equal("Progress: halfway", created.Str("body"));
        Assert.Equal(created.Str("createdAt"), created.Str("updatedAt"));
        var after = await Board.GetAsync($"/api/issues/{issue}");
        Assert.True(after.Body.Time("updatedAt") > before);
        Assert.Equal(created.Body.Time("createdAt"), after.Body.Time("updatedAt"));
        var read = await cluster.ApiB.GetAsync($"/api/issues/{issue}/comments/{created.Id}");
        Assert.Equal(created.Text, read.Text);
    }

    [Fact]
    public async Task AgentCommentNamesTheAgentAsAuthor()
    {
        var (company, issue) = await IssueAsync();
        var agent = await AgentSession.CreateAsync(Board, company);

        var created = await agent.Api.PostAsync($"/api/issues/{issue}/comments", new { body = "on it" }, runId: agent.RunId);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(agent.AgentId.ToString(), created.Str("authorAgentId"));
        Assert.True(created.Body.IsNull("authorUserId"));
    }

    [Fact]
    public async Task ListIsNewestFirstAndAscendingOnRequest()
    {
        var (_, issue) = await IssueAsync();
        var ids = await CommentsAsync(issue, 4);

        var newest = await Board.GetAsync($"/api/issues/{issue}/comments");
        var oldest = await cluster.ApiB.GetAsync($"/api/issues/{issue}/comments?order=ASC");

        Assert.Equal(Enumerable.Reverse(ids), newest.Body.Ids());
        Assert.Equal(ids, oldest.Body.Ids());
    }

    [Fact]
    public async Task AnchorPagesThroughTheThreadInBothDirections()
    {
        var (_, issue) = await IssueAsync();
        var ids = await CommentsAsync(issue, 5);

        var olderThanThird = await Board.GetAsync($"/api/issues/{issue}/comments?after={ids[2]}");
        var newerThanSecond = await Board.GetAsync($"/api/issues/{issue}/comments?afterCommentId={ids[1]}&order=asc&limit=2");
        var nextPage = await Board.GetAsync($"/api/issues/{issue}/comments?after={ids[3]}&order=asc&limit=2");

        Assert.Equal([ids[1], ids[0]], olderThanThird.Body.Ids());
        Assert.Equal([ids[2], ids[3]], newerThanSecond.Body.Ids());
        Assert.Equal([ids[4]], nextPage.Body.Ids());
    }

    [Fact]
    public async Task UnknownOrForeignAnchorGivesAnEmptyPage()
    {
        var (_, issue) = await IssueAsync();
        var (_, other) = await IssueAsync();
        await CommentsAsync(issue, 2);
        var foreign = (await CommentsAsync(other, 1))[0];

        foreach (var anchor in new[] { Guid.NewGuid().ToString(), foreign.ToString(), "not-a-uuid" })
        {
            var page = await Board.GetAsync($"/api/issues/{issue}/comments?after={anchor}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(0, page.Body.GetArrayLength());
        }
    }

    [Fact]
    public async Task LimitIsFlooredAndInvalidLimitsAreIgnored()
    {
        var (_, issue) = await IssueAsync();
        await CommentsAsync(issue, 3);

        Assert.Equal(2, (await Board.GetAsync($"/api/issues/{issue}/comments?limit=2.9")).Body.GetArrayLength());
        Assert.Equal(1, (await Board.GetAsync($"/api/issues/{issue}/comments?limit=1")).Body.GetArrayLength());
        foreach (var invalid in new[] { "0", "-3", "abc", "" })
        {
            var page = await Board.GetAsync($"/api/issues/{issue}/comments?limit={invalid}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(3, page.Body.GetArrayLength());
        }
    }

    [Fact]
    public async Task CommentOfAnotherIssueIsNotFound()
    {
        var (_, issue) = await IssueAsync();
        var (_, other) = await IssueAsync();
        var comment = (await CommentsAsync(other, 1))[0];

        var response = await Board.GetAsync($"/api/issues/{issue}/comments/{comment}");
        var malformed = await Board.GetAsync($"/api/issues/{issue}/comments/nope");

        Assert.Equal((HttpStatusCode.NotFound, "Comment not found"), (response.Status, response.Error));
        Assert.Equal((HttpStatusCode.NotFound, "Comment not found"), (malformed.Status, malformed.Error));
    }

    [Fact]
    public async Task CommentsOfAnotherCompanysIssueAreNotFoundForAnAgent()
    {
        var (_, issue) = await IssueAsync();
        var comment = (await CommentsAsync(issue, 1))[0];
        var stranger = await AgentSession.CreateAsync(Board, await Setup.CompanyAsync(Board));

        var list = await stranger.Api.GetAsync($"/api/issues/{issue}/comments");
        var one = await stranger.Api.GetAsync($"/api/issues/{issue}/comments/{comment}");
        var post = await stranger.Api.PostAsync($"/api/issues/{issue}/comments", new { body = "hi" });

        Assert.All([list, one, post], response => Assert.Equal((HttpStatusCode.NotFound, "Issue not found"), (response.Status, response.Error)));
    }

    [Fact]
    public async Task BodyIsRequiredAndBounded()
    {
        var (_, issue) = await IssueAsync();

        var missing = await Board.PostAsync($"/api/issues/{issue}/comments", new { reopen = true });
        var empty = await Board.PostAsync($"/api/issues/{issue}/comments", new { body = "" });
        var huge = await Board.PostAsync($"/api/issues/{issue}/comments", new { body = new string('x', 100_001) });

        Assert.All([missing, empty, huge], response => Assert.Equal((HttpStatusCode.BadRequest, "Validation error"), (response.Status, response.Error)));
        Assert.Equal(["body"], huge.DetailPaths());
        Assert.Equal(0, (await Board.GetAsync($"/api/issues/{issue}/comments")).Body.GetArrayLength());
    }

    [Fact]
    public async Task ReopenMovesADoneIssueBackToTodo()
    {
        var (_, issue) = await IssueAsync(new { status = "done" });

        var plain = await Board.PostAsync($"/api/issues/{issue}/comments", new { body = "just a note" });
        Assert.Equal("done", (await Board.GetAsync($"/api/issues/{issue}")).Str("status"));
        var reopening = await Board.PostAsync($"/api/issues/{issue}/comments", new { body = "not done yet", reopen = true });

        Assert.Equal(HttpStatusCode.Created, plain.Status);
        Assert.Equal(HttpStatusCode.Created, reopening.Status);
        var after = await Board.GetAsync($"/api/issues/{issue}");
        Assert.Equal("todo", after.Str("status"));
        Assert.True(after.Body.IsNull("completedAt"));
    }

    [Fact]
    public async Task ReopenLeavesAnOpenIssueAsItIs()
    {
        var (_, issue) = await IssueAsync(new { status = "blocked" });

        await Board.PostAsync($"/api/issues/{issue}/comments", new { body = "ping", reopen = true });

        Assert.Equal("blocked", (await Board.GetAsync($"/api/issues/{issue}")).Str("status"));
    }

    [Fact]
    public async Task InterruptIsBoardOnlyAndAnAgentsRefusalChangesNothing()
    {
        var (company, issue) = await IssueAsync(new { status = "cancelled" });
        var agent = await AgentSession.CreateAsync(Board, company);

        var refused = await agent.Api.PostAsync($"/api/issues/{issue}/comments", new { body = "stop", interrupt = true, reopen = true }, runId: agent.RunId);
        var board = await Board.PostAsync($"/api/issues/{issue}/comments", new { body = "stop", interrupt = true });

        Assert.Equal((HttpStatusCode.Forbidden, "Only board users can interrupt active runs from issue comments"), (refused.Status, refused.Error));
        Assert.Equal(HttpStatusCode.Created, board.Status);
        Assert.Equal("cancelled", (await Board.GetAsync($"/api/issues/{issue}")).Str("status"));
        Assert.Equal([board.Id], (await Board.GetAsync($"/api/issues/{issue}/comments")).Body.Ids());
    }

    [Fact]
    public async Task BoardInterruptCancelsTheIssuesLiveRun()
    {
        var (company, issue) = await IssueAsync(new { status = "todo" });
        var agent = await AgentSession.CreateAsync(Board, company);
        await agent.CheckoutAsync(issue, "todo");

        var response = await Board.PostAsync($"/api/issues/{issue}/comments", new { body = "stop that", interrupt = true });

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("cancelled", (await Board.GetAsync($"/api/heartbeat-runs/{agent.RunId}")).Str("status"));
    }

    [Fact]
    public async Task AgentCommentingOnItsInProgressIssueFromAnotherLiveRunIsAnOwnershipConflict()
    {
        var (company, issue) = await IssueAsync(new { status = "todo" });
        var agent = await AgentSession.CreateAsync(Board, company);
        await agent.CheckoutAsync(issue, "todo");
        var otherRun = agent.NewRun();
        // The other run is live too: registered by its first request.
        await otherRun.Api.GetAsync("/api/agents/me", runId: otherRun.RunId);

        var noRun = await agent.Api.PostAsync($"/api/issues/{issue}/comments", new { body = "x" });
        var conflict = await otherRun.Api.PostAsync($"/api/issues/{issue}/comments", new { body = "x" }, runId: otherRun.RunId);
        var owner = await agent.Api.PostAsync($"/api/issues/{issue}/comments", new { body = "mine" }, runId: agent.RunId);

        Assert.Equal((HttpStatusCode.Unauthorized, "Agent run id required"), (noRun.Status, noRun.Error));
        Assert.Equal((HttpStatusCode.Conflict, "Issue run ownership conflict"), (conflict.Status, conflict.Error));
        Assert.Equal(HttpStatusCode.Created, owner.Status);
        Assert.Equal([owner.Id], (await Board.GetAsync($"/api/issues/{issue}/comments")).Body.Ids());
    }

    [Fact]
    public async Task PatchWithCommentReturnsTheIssueAndTheComment()
    {
        var (_, issue) = await IssueAsync(new { status = "todo" });

        var response = await cluster.ApiB.PatchAsync($"/api/issues/{issue}", new { status = "in_review", comment = "Ready for review" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("in_review", response.Str("status"));
        var comment = response.Body.GetProperty("comment");
        Assert.Equal("Ready for review", comment.Text("body"));
        Assert.Equal(issue.ToString(), comment.Text("issueId"));
        Assert.Equal("local-board", comment.Text("authorUserId"));
        Assert.Equal([Guid.Parse(comment.Text("id")!)], (await Board.GetAsync($"/api/issues/{issue}/comments")).Body.Ids());
        var plain = await Board.PatchAsync($"/api/issues/{issue}", new { priority = "high" });
        Assert.True(plain.Body.IsNull("comment"));
    }

    [Fact]
    public async Task PatchCommentWithReopenReopensOnlyWhenNoStatusIsSent()
    {
        var (_, reopened) = await IssueAsync(new { status = "done" });
        var (_, explicitStatus) = await IssueAsync(new { status = "done" });

        var first = await Board.PatchAsync($"/api/issues/{reopened}", new { comment = "again", reopen = true });
        var second = await Board.PatchAsync($"/api/issues/{explicitStatus}", new { comment = "blocked now", reopen = true, status = "blocked" });

        Assert.Equal("todo", first.Str("status"));
        Assert.Equal("blocked", second.Str("status"));
        Assert.Equal("again", first.Body.GetProperty("comment").Text("body"));
    }

    [Fact]
    public async Task DeletingAnIssueDeletesItsComments()
    {
        var (_, issue) = await IssueAsync();
        await CommentsAsync(issue, 3);

        Assert.Equal(HttpStatusCode.OK, (await Board.DeleteAsync($"/api/issues/{issue}")).Status);

        Assert.Equal(0L, await cluster.Database.ScalarAsync("SELECT count(*) FROM issue_comment WHERE issue_id = @id", ("id", issue)));
    }

    [Fact]
    public async Task SearchFindsCommentMatchesRankedAfterTheIssuesOwnTexts()
    {
        var company = await Setup.CompanyAsync(Board);
        var term = $"zq{Guid.NewGuid():N}"[..12];
        var byComment = (await Setup.IssueAsync(Board, company, new { title = "plain one", priority = "critical" })).Id;
        var byDescription = (await Setup.IssueAsync(Board, company, new { title = "plain two", description = $"see {term}", priority = "low" })).Id;
        var byTitle = (await Setup.IssueAsync(Board, company, new { title = $"about {term}", priority = "low" })).Id;
        await Setup.IssueAsync(Board, company, new { title = "unrelated" });
        await Board.PostAsync($"/api/issues/{byComment}/comments", new { body = $"found it: {term.ToUpperInvariant()}" });

        var found = await cluster.ApiB.GetAsync($"/api/companies/{company}/issues?q={term}");

        Assert.Equal([byTitle, byDescription, byComment], found.Body.Ids());
    }

    [Fact]
    public async Task CheckoutStateDoesNotGrowWithComments()
    {
        var (company, issue) = await IssueAsync(new { status = "todo" });
        const string StateSize = "SELECT pg_column_size(payload) FROM grain_state WHERE state_name = 'issue' AND payload->>'id' = @id";
        var before = await cluster.Database.ScalarAsync(StateSize, ("id", issue.ToString()));

        await CommentsAsync(issue, 50);

        Assert.Equal(before, await cluster.Database.ScalarAsync(StateSize, ("id", issue.ToString())));
        var agent = await AgentSession.CreateAsync(Board, company);
        Assert.Equal(HttpStatusCode.OK, (await agent.CheckoutAsync(issue, "todo")).Status);
    }
}
