using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>Issue documents through HTTP (reference §7, §4.3, §9; CONTRACT §6).</summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentsApiTests(ApiCluster cluster)
{
    private ApiClient Board => cluster.Api;

    private async Task<(Guid Company, Guid Issue)> IssueAsync(object? extra = null)
    {
        var company = await Setup.CompanyAsync(Board);
        return (company, (await Setup.IssueAsync(Board, company, extra)).Id);
    }

    private static object Plan(string body, string? baseRevisionId = null, string? title = "Plan", string? changeSummary = null) =>
        new { title, format = "markdown", body, baseRevisionId, changeSummary };

    [Fact]
    public async Task NewDocumentIsCreatedAsRevisionOneByTheBoard()
    {
        var (company, issue) = await IssueAsync();

        var created = await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("# Plan\n\n- step 1\n"));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal((company.ToString(), issue.ToString(), "plan", "Plan", "markdown", "# Plan\n\n- step 1\n"),
            (created.Str("companyId"), created.Str("issueId"), created.Str("key"), created.Str("title"), created.Str("format"), created.Str("body")));
        Assert.Equal(1, created.Body.GetProperty("latestRevisionNumber").GetInt32());
        Assert.Equal(("local-board", "local-board"), (created.Str("createdByUserId"), created.Str("updatedByUserId")));
        Assert.True(created.Body.IsNull("createdByAgentId") && created.Body.IsNull("updatedByAgentId"));
        Assert.Equal(created.Str("createdAt"), created.Str("updatedAt"));
        var read = await cluster.ApiB.GetAsync($"/api/issues/{issue}/documents/plan");
        Assert.Equal(created.Text, read.Text);
    }

    [Fact]
    public async Task UpdateNeedsTheCurrentBaseRevision()
    {
        var (_, issue) = await IssueAsync();
        var first = await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("v1"));
        var firstRevision = first.Str("latestRevisionId");

        var withoutBase = await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("v2"));
        var updated = await cluster.ApiB.PutAsync($"/api/issues/{issue}/documents/plan", Plan("v2", firstRevision, changeSummary: "add step 2"));
        var stale = await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("v3", firstRevision));
        var unknown = await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("v3", Guid.NewGuid().ToString()));

        Assert.Equal((HttpStatusCode.Conflict, "Document update requires baseRevisionId"), (withoutBase.Status, withoutBase.Error));
        Assert.Equal(firstRevision, withoutBase.Body.GetProperty("details").Text("currentRevisionId"));
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal((2, "v2", first.Str("id")), (updated.Body.GetProperty("latestRevisionNumber").GetInt32(), updated.Str("body"), updated.Str("id")));
        Assert.False(updated.Body.TryGetProperty("latestBody", out _));
        Assert.Equal(first.Str("createdAt"), updated.Str("createdAt"));
        Assert.All([stale, unknown], conflict =>
        {
            Assert.Equal((HttpStatusCode.Conflict, "Document was updated by someone else"), (conflict.Status, conflict.Error));
            Assert.Equal(updated.Str("latestRevisionId"), conflict.Body.GetProperty("details").Text("currentRevisionId"));
        });
    }

    [Fact]
    public async Task BaseRevisionForANewKeyIsAConflict()
    {
        var (_, issue) = await IssueAsync();

        var response = await Board.PutAsync($"/api/issues/{issue}/documents/design", Plan("x", Guid.NewGuid().ToString()));

        Assert.Equal((HttpStatusCode.Conflict, "Document does not exist yet"), (response.Status, response.Error));
        Assert.Equal("design", response.Body.GetProperty("details").Text("key"));
        Assert.Equal(HttpStatusCode.NotFound, (await Board.GetAsync($"/api/issues/{issue}/documents/design")).Status);
    }

    [Fact]
    public async Task KeyIsTrimmedAndLowerCasedThenValidated()
    {
        var (_, issue) = await IssueAsync();
        await Board.PutAsync($"/api/issues/{issue}/documents/Plan", Plan("x"));

        var upper = await Board.GetAsync($"/api/issues/{issue}/documents/PLAN");
        var dash = await Board.PutAsync($"/api/issues/{issue}/documents/-x", Plan("x"));
        var spaces = await Board.PutAsync($"/api/issues/{issue}/documents/Bad%20Key!", Plan("x"));
        var tooLong = await Board.GetAsync($"/api/issues/{issue}/documents/{new string('k', 65)}");
        var longest = await Board.PutAsync($"/api/issues/{issue}/documents/{new string('k', 64)}", Plan("x"));

        Assert.Equal((HttpStatusCode.OK, "plan"), (upper.Status, upper.Str("key")));
        Assert.All([dash, spaces, tooLong], response => Assert.Equal((HttpStatusCode.BadRequest, "Invalid document key"), (response.Status, response.Error)));
        Assert.Equal("Document key must be lowercase letters, numbers, _ or -", spaces.Body.GetProperty("details")[0].Text("message"));
        Assert.Equal(HttpStatusCode.Created, longest.Status);
    }

    [Fact]
    public async Task BodyFieldsAreValidated()
    {
        var (_, issue) = await IssueAsync();
        var path = $"/api/issues/{issue}/documents/notes";

        var html = await Board.PutAsync(path, new { format = "html", body = "x" });
        var noFormat = await Board.PutAsync(path, new { body = "x" });
        var noBody = await Board.PutAsync(path, new { format = "markdown" });
        var huge = await Board.PutAsync(path, new { format = "markdown", body = new string('x', 524_289) });
        var longTitle = await Board.PutAsync(path, new { format = "markdown", body = "x", title = new string('t', 201) });
        var longSummary = await Board.PutAsync(path, new { format = "markdown", body = "x", changeSummary = new string('s', 501) });
        var badBase = await Board.PutAsync(path, new { format = "markdown", body = "x", baseRevisionId = "nope" });
        var largest = await Board.PutAsync(path, new { format = "markdown", body = new string('x', 524_288), title = new string('t', 200) });
        var empty = await Board.PutAsync($"/api/issues/{issue}/documents/empty", new { format = "markdown", body = "" });

        Assert.All([html, noFormat, noBody, huge, longTitle, longSummary, badBase],
            response => Assert.Equal((HttpStatusCode.BadRequest, "Validation error"), (response.Status, response.Error)));
        Assert.Equal(["format"], html.DetailPaths());
        Assert.Equal(["body"], huge.DetailPaths());
        Assert.Equal(["title"], longTitle.DetailPaths());
        Assert.Equal(["changeSummary"], longSummary.DetailPaths());
        Assert.Equal((HttpStatusCode.Created, 524_288), (largest.Status, largest.Str("body").Length));
        Assert.Equal((HttpStatusCode.Created, ""), (empty.Status, empty.Str("body")));
    }

    [Fact]
    public async Task UpdateWithoutTitleClearsItAsTheReferenceDoes()
    {
        var (_, issue) = await IssueAsync();
        var first = await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("v1"));

        var updated = await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("v2", first.Str("latestRevisionId"), title: null));

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.True(updated.Body.IsNull("title"));
    }

    [Fact]
    public async Task ListHasEveryDocumentWithItsBodyByKey()
    {
        var (_, issue) = await IssueAsync();
        await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("the plan"));
        await Board.PutAsync($"/api/issues/{issue}/documents/notes", Plan("the notes", title: null));

        var list = await cluster.ApiB.GetAsync($"/api/issues/{issue}/documents");
        var missing = await Board.GetAsync($"/api/issues/{issue}/documents/nope");

        Assert.Equal(["notes", "plan"], list.Body.Column("key"));
        Assert.Equal(["the notes", "the plan"], list.Body.Column("body"));
        Assert.Equal((HttpStatusCode.NotFound, "Document not found"), (missing.Status, missing.Error));
    }

    [Fact]
    public async Task RevisionsAreNewestFirstAndRestoreAppendsTheOldBody()
    {
        var (_, issue) = await IssueAsync();
        var v1 = await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("one"));
        var v2 = await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("two", v1.Str("latestRevisionId"), changeSummary: "add step 2"));

        var restored = await cluster.ApiB.PostAsync($"/api/issues/{issue}/documents/plan/revisions/{v1.Str("latestRevisionId")}/restore", new { });
        var revisions = await Board.GetAsync($"/api/issues/{issue}/documents/plan/revisions");
        var unknownKey = await Board.GetAsync($"/api/issues/{issue}/documents/design/revisions");
        var unknownRevision = await Board.PostAsync($"/api/issues/{issue}/documents/plan/revisions/{Guid.NewGuid()}/restore", new { });
        var malformedRevision = await Board.PostAsync($"/api/issues/{issue}/documents/plan/revisions/nope/restore", new { });
        var unknownDocument = await Board.PostAsync($"/api/issues/{issue}/documents/design/revisions/{v1.Str("latestRevisionId")}/restore", new { });

        Assert.Equal(HttpStatusCode.OK, restored.Status);
        Assert.Equal((3, "one"), (restored.Body.GetProperty("latestRevisionNumber").GetInt32(), restored.Str("body")));
        Assert.False(restored.Body.TryGetProperty("latestBody", out _));
        Assert.Equal([3, 2, 1], revisions.Body.EnumerateArray().Select(r => r.GetProperty("revisionNumber").GetInt32()));
        Assert.Equal(["one", "two", "one"], revisions.Body.Column("body"));
        Assert.Equal(["Restored from revision 1", "add step 2", null], revisions.Body.Column("changeSummary"));
        Assert.Equal([restored.Str("latestRevisionId"), v2.Str("latestRevisionId"), v1.Str("latestRevisionId")], revisions.Body.Column("id"));
        var revision = revisions.Body[0];
        Assert.Equal((v1.Str("id"), issue.ToString(), "plan", "local-board"),
            (revision.Text("documentId"), revision.Text("issueId"), revision.Text("key"), revision.Text("createdByUserId")));
        Assert.Equal((HttpStatusCode.OK, 0), (unknownKey.Status, unknownKey.Body.GetArrayLength()));
        Assert.All([unknownRevision, malformedRevision],
            response => Assert.Equal((HttpStatusCode.NotFound, "Document revision not found"), (response.Status, response.Error)));
        Assert.Equal((HttpStatusCode.NotFound, "Document not found"), (unknownDocument.Status, unknownDocument.Error));
    }

    [Fact]
    public async Task RevisionOfAnotherDocumentCannotBeRestored()
    {
        var (_, issue) = await IssueAsync();
        await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("plan"));
        var notes = await Board.PutAsync($"/api/issues/{issue}/documents/notes", Plan("notes"));

        var response = await Board.PostAsync($"/api/issues/{issue}/documents/plan/revisions/{notes.Str("latestRevisionId")}/restore", new { });

        Assert.Equal((HttpStatusCode.NotFound, "Document revision not found"), (response.Status, response.Error));
    }

    [Fact]
    public async Task IssueDetailShowsThePlanDocumentAndSummariesWithoutBodies()
    {
        var (_, issue) = await IssueAsync(new { description = "<plan>old plan</plan>" });
        var before = await Board.GetAsync($"/api/issues/{issue}");
        await Board.PutAsync($"/api/issues/{issue}/documents/notes", Plan("the notes"));
        var plan = await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("the plan"));

        var detail = await cluster.ApiB.GetAsync($"/api/issues/{issue}");

        Assert.True(before.Body.IsNull("planDocument"));
        Assert.Equal(0, before.Body.GetProperty("documentSummaries").GetArrayLength());
        Assert.Equal("old plan", before.Body.GetProperty("legacyPlanDocument").Text("body"));
        Assert.Equal(plan.Text, detail.Body.GetProperty("planDocument").GetRawText());
        var summaries = detail.Body.GetProperty("documentSummaries");
        Assert.Equal(["notes", "plan"], summaries.Column("key"));
        Assert.All(summaries.EnumerateArray(), summary => Assert.False(summary.TryGetProperty("body", out _)));
        Assert.True(detail.Body.IsNull("legacyPlanDocument"));
    }

    [Fact]
    public async Task BoardDeletesADocumentAndAgentsMayNot()
    {
        var (company, issue) = await IssueAsync();
        await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("x"));
        var agent = await AgentSession.CreateAsync(Board, company);

        var byAgent = await agent.Api.DeleteAsync($"/api/issues/{issue}/documents/plan", runId: agent.RunId);
        var agentBadKey = await agent.Api.DeleteAsync($"/api/issues/{issue}/documents/-bad", runId: agent.RunId);
        var deleted = await cluster.ApiB.DeleteAsync($"/api/issues/{issue}/documents/PLAN");
        var again = await Board.DeleteAsync($"/api/issues/{issue}/documents/plan");

        Assert.All([byAgent, agentBadKey], response => Assert.Equal((HttpStatusCode.Forbidden, "Board authentication required"), (response.Status, response.Error)));
        Assert.Equal((HttpStatusCode.OK, """{"ok":true}"""), (deleted.Status, deleted.Text));
        Assert.Equal((HttpStatusCode.NotFound, "Document not found"), (again.Status, again.Error));
        Assert.Equal(HttpStatusCode.NotFound, (await Board.GetAsync($"/api/issues/{issue}/documents/plan")).Status);
        Assert.Equal(0, (await Board.GetAsync($"/api/issues/{issue}/documents/plan/revisions")).Body.GetArrayLength());
        Assert.Equal(0L, await cluster.Database.ScalarAsync("SELECT count(*) FROM document_revision WHERE issue_id = @id", ("id", issue)));
        var recreated = await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("fresh"));
        Assert.Equal((HttpStatusCode.Created, 1), (recreated.Status, recreated.Body.GetProperty("latestRevisionNumber").GetInt32()));
    }

    [Fact]
    public async Task AgentWritesAreAttributedToTheAgent()
    {
        var (company, issue) = await IssueAsync();
        var agent = await AgentSession.CreateAsync(Board, company);
        var board = await Board.PutAsync($"/api/issues/{issue}/documents/notes", Plan("board notes"));

        var updated = await agent.Api.PutAsync($"/api/issues/{issue}/documents/notes", Plan("agent notes", board.Str("latestRevisionId")), runId: agent.RunId);
        var revisions = await Board.GetAsync($"/api/issues/{issue}/documents/notes/revisions");

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(("local-board", agent.AgentId.ToString()), (updated.Str("createdByUserId"), updated.Str("updatedByAgentId")));
        Assert.True(updated.Body.IsNull("updatedByUserId"));
        Assert.Equal(agent.AgentId.ToString(), revisions.Body[0].Text("createdByAgentId"));
        Assert.True(revisions.Body[0].IsNull("createdByUserId"));
    }

    [Fact]
    public async Task AgentWritingItsInProgressIssueFromAnotherLiveRunIsAnOwnershipConflict()
    {
        var (company, issue) = await IssueAsync(new { status = "todo" });
        var agent = await AgentSession.CreateAsync(Board, company);
        Assert.Equal(HttpStatusCode.OK, (await agent.CheckoutAsync(issue, "todo")).Status);
        var other = agent.NewRun();
        await other.Api.GetAsync("/api/agents/me", runId: other.RunId);

        var conflict = await other.Api.PutAsync($"/api/issues/{issue}/documents/plan", Plan("x"), runId: other.RunId);
        var noRun = await agent.Api.PutAsync($"/api/issues/{issue}/documents/plan", Plan("x"));
        var owner = await agent.Api.PutAsync($"/api/issues/{issue}/documents/plan", Plan("mine"), runId: agent.RunId);

        Assert.Equal((HttpStatusCode.Conflict, "Issue run ownership conflict"), (conflict.Status, conflict.Error));
        Assert.Equal((HttpStatusCode.Unauthorized, "Agent run id required"), (noRun.Status, noRun.Error));
        Assert.Equal(HttpStatusCode.Created, owner.Status);
    }

    [Fact]
    public async Task DocumentsOfAnotherCompanysIssueAreNotFoundForAnAgent()
    {
        var (_, issue) = await IssueAsync();
        await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("secret"));
        var stranger = await AgentSession.CreateAsync(Board, await Setup.CompanyAsync(Board));

        var responses = new[]
        {
            await stranger.Api.GetAsync($"/api/issues/{issue}/documents"),
            await stranger.Api.GetAsync($"/api/issues/{issue}/documents/plan"),
            await stranger.Api.GetAsync($"/api/issues/{issue}/documents/plan/revisions"),
            await stranger.Api.PutAsync($"/api/issues/{issue}/documents/plan", Plan("x")),
            await stranger.Api.DeleteAsync($"/api/issues/{issue}/documents/plan"),
        };

        Assert.All(responses, response => Assert.Equal((HttpStatusCode.NotFound, "Issue not found"), (response.Status, response.Error)));
    }

    [Fact]
    public async Task WritesDeletesAndRestoresAreLogged()
    {
        var (_, issue) = await IssueAsync();
        var v1 = await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("one"));
        await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("two", v1.Str("latestRevisionId")));
        await Board.PostAsync($"/api/issues/{issue}/documents/plan/revisions/{v1.Str("latestRevisionId")}/restore", new { });
        await Board.DeleteAsync($"/api/issues/{issue}/documents/plan");

        var log = (await cluster.ApiB.GetAsync($"/api/issues/{issue}/activity")).Body.EnumerateArray().ToList();

        Assert.Equal(["issue.document_deleted", "issue.document_updated", "issue.document_updated", "issue.document_created", "issue.created"],
            log.Select(entry => entry.Text("action")));
        var created = log[3].GetProperty("details");
        Assert.Equal(("plan", v1.Str("id"), "Plan", "markdown", 1),
            (created.Text("key"), created.Text("documentId"), created.Text("title"), created.Text("format"), created.GetProperty("revisionNumber").GetInt32()));
        Assert.Equal(3, log[1].GetProperty("details").GetProperty("revisionNumber").GetInt32());
        var deleted = log[0].GetProperty("details");
        Assert.Equal(("plan", v1.Str("id"), "Plan", 3),
            (deleted.Text("key"), deleted.Text("documentId"), deleted.Text("title"), deleted.EnumerateObject().Count()));
    }

    [Fact]
    public async Task DeletingTheIssueRemovesItsDocuments()
    {
        var (_, issue) = await IssueAsync();
        await Board.PutAsync($"/api/issues/{issue}/documents/plan", Plan("x"));

        var deleted = await Board.DeleteAsync($"/api/issues/{issue}");

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        var documents = await Board.GetAsync($"/api/issues/{issue}/documents");
        Assert.Equal((HttpStatusCode.NotFound, "Issue not found"), (documents.Status, documents.Error));
        Assert.Equal(0L, await cluster.Database.ScalarAsync("SELECT count(*) FROM document_revision WHERE issue_id = @id", ("id", issue)));
    }

    [Fact]
    public async Task AnIssueHoldsAtMostFiftyDocuments()
    {
        var (_, issue) = await IssueAsync();
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Board.PutAsync($"/api/issues/{issue}/documents/doc-{i}", Plan("x"))).Status);
        }

        var beyond = await Board.PutAsync($"/api/issues/{issue}/documents/doc-50", Plan("x"));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "An issue can have at most 50 documents"), (beyond.Status, beyond.Error));
        Assert.Equal(50, beyond.Body.GetProperty("details").GetProperty("maxDocuments").GetInt32());
        Assert.Equal(50, (await Board.GetAsync($"/api/issues/{issue}")).Body.GetProperty("documentSummaries").GetArrayLength());
    }
}
