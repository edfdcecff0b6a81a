using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>PATCH /api/issues/{id} (reference §4.5, CONTRACT §3): fields, side effects, refusals without partial writes.</summary>
[Collection(ApiCollection.Name)]
public sealed class IssuesUpdateTests(ApiCluster cluster)
{
    private ApiClient Api => cluster.Api;

    [Fact]
    public async Task EveryUpdatableFieldCanBeChanged()
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);
        var project = await Setup.ProjectAsync(Api, company);
        var goal = await Setup.GoalAsync(Api, company);
        var parent = await Setup.IssueAsync(Api, company);
        var label = await Setup.LabelAsync(Api, company);
        var issue = await Setup.IssueAsync(Api, company);

        var response = await cluster.ApiB.PatchAsync($"/api/issues/{issue.Body.Text("identifier")!.ToLowerInvariant()}", new
        {
            title = "New title",
            description = "New description",
            status = "in_review",
            priority = "high",
            assigneeAgentId = agent,
            projectId = project,
            goalId = goal,
            parentId = parent.Id,
            requestDepth = 2,
            billingCode = "BILL-1",
            assigneeAdapterOverrides = new { useProjectWorkspace = false },
            labelIds = new[] { label },
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var body = response.Body;
        Assert.Equal("New title", body.Text("title"));
        Assert.Equal("New description", body.Text("description"));
        Assert.Equal("in_review", body.Text("status"));
        Assert.Equal("high", body.Text("priority"));
        Assert.Equal(agent, body.GuidOrNull("assigneeAgentId"));
        Assert.Equal(project, body.GuidOrNull("projectId"));
        Assert.Equal(goal, body.GuidOrNull("goalId"));
        Assert.Equal(parent.Id, body.GuidOrNull("parentId"));
        Assert.Equal(2, body.GetProperty("requestDepth").GetInt32());
        Assert.Equal("BILL-1", body.Text("billingCode"));
        Assert.False(body.GetProperty("assigneeAdapterOverrides").GetProperty("useProjectWorkspace").GetBoolean());
        Assert.Equal([label], body.GetProperty("labels").Ids());
        Assert.True(body.IsNull("comment"));
        Assert.True(body.Time("updatedAt") >= issue.Body.Time("updatedAt"));
        Assert.Equal(issue.Body.Text("createdAt"), body.Text("createdAt"));

        // The PATCH answer is what a later read sees.
        var read = await Api.GetAsync($"/api/issues/{issue.Id}");
        foreach (var property in read.Body.EnumerateObject().Where(p => body.TryGetProperty(p.Name, out _)))
        {
            Assert.Equal(body.GetProperty(property.Name).GetRawText(), property.Value.GetRawText());
        }
    }

    [Fact]
    public async Task NullableFieldsAreClearedWithNull()
    {
        var company = await Setup.CompanyAsync(Api);
        var parent = await Setup.IssueAsync(Api, company);
        var issue = await Setup.IssueAsync(Api, company, new
        {
            description = "d",
            billingCode = "b",
            parentId = parent.Id,
            assigneeUserId = "user-1",
            assigneeAdapterOverrides = new { useProjectWorkspace = true },
        });

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new Dictionary<string, object?>
        {
            ["description"] = null,
            ["billingCode"] = null,
            ["parentId"] = null,
            ["assigneeUserId"] = null,
            ["assigneeAdapterOverrides"] = null,
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        foreach (var field in new[] { "description", "billingCode", "parentId", "assigneeUserId", "assigneeAdapterOverrides" })
        {
            Assert.True(response.Body.IsNull(field), $"{field} should be null: {response}");
        }
    }

    [Fact]
    public async Task FieldsTheServerOwnsAreIgnoredAndUnknownKeysToo()
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company);

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new
        {
            identifier = "HAX-1",
            issueNumber = 77,
            createdByUserId = "mallory",
            checkoutRunId = Guid.NewGuid(),
            executionRunId = Guid.NewGuid(),
            createdAt = "2020-01-01T00:00:00.000Z",
            companyId = Guid.NewGuid(),
            originKind = "routine_execution",
            nonsense = true,
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        foreach (var field in new[] { "identifier", "issueNumber", "createdByUserId", "checkoutRunId", "executionRunId", "createdAt", "companyId", "originKind" })
        {
            Assert.Equal(issue.Body.GetProperty(field).GetRawText(), response.Body.GetProperty(field).GetRawText());
        }
    }

    [Fact]
    public async Task StatusWritesStampAndClearTheirTimestamps()
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);
        var issue = await Setup.IssueAsync(Api, company, new { assigneeAgentId = agent });
        async Task<System.Text.Json.JsonElement> StatusAsync(string status) =>
            (await Api.PatchAsync($"/api/issues/{issue.Id}", new { status })).Body;

        var started = await StatusAsync("in_progress");
        Assert.Equal(started.Text("updatedAt"), started.Text("startedAt"));

        // Every in_progress write stamps startedAt again, even when already in progress.
        var restarted = await StatusAsync("in_progress");
        Assert.Equal(restarted.Text("updatedAt"), restarted.Text("startedAt"));
        Assert.True(restarted.Time("startedAt") >= started.Time("startedAt"));

        var done = await StatusAsync("done");
        Assert.Equal(done.Text("updatedAt"), done.Text("completedAt"));
        Assert.Equal(restarted.Text("startedAt"), done.Text("startedAt"));
        Assert.True(done.IsNull("cancelledAt"));

        var cancelled = await StatusAsync("cancelled");
        Assert.Equal(cancelled.Text("updatedAt"), cancelled.Text("cancelledAt"));
        Assert.True(cancelled.IsNull("completedAt"));

        var reopened = await StatusAsync("todo");
        Assert.True(reopened.IsNull("completedAt"));
        Assert.True(reopened.IsNull("cancelledAt"));
        Assert.Equal(restarted.Text("startedAt"), reopened.Text("startedAt"));
    }

    [Fact]
    public async Task APatchWithoutStatusKeepsTheStatusTimestamps()
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company, new { status = "done" });

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new { title = "renamed" });

        Assert.Equal("done", response.Body.Text("status"));
        Assert.Equal(issue.Body.Text("completedAt"), response.Body.Text("completedAt"));
    }

    [Theory]
    [InlineData("todo")]
    [InlineData("done")]
    [InlineData("blocked")]
    public async Task LeavingInProgressClearsTheCheckoutAndExecutionLock(string status)
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);
        var issue = await Setup.IssueAsync(Api, company, new { assigneeAgentId = agent, status = "in_progress" });

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new { status });

        Assert.Equal(status, response.Body.Text("status"));
        foreach (var field in new[] { "checkoutRunId", "executionRunId", "executionAgentNameKey", "executionLockedAt" })
        {
            Assert.True(response.Body.IsNull(field), $"{field} should be null");
        }
    }

    [Fact]
    public async Task LabelIdsReplaceTheWholeSet()
    {
        var company = await Setup.CompanyAsync(Api);
        var a = await Setup.LabelAsync(Api, company, $"a-{Guid.NewGuid():N}"[..10]);
        var b = await Setup.LabelAsync(Api, company, $"b-{Guid.NewGuid():N}"[..10]);
        var c = await Setup.LabelAsync(Api, company, $"c-{Guid.NewGuid():N}"[..10]);
        var issue = await Setup.IssueAsync(Api, company, new { labelIds = new[] { a, b } });

        var replaced = await Api.PatchAsync($"/api/issues/{issue.Id}", new { labelIds = new[] { c, b, c } });
        Assert.Equal([c, b], replaced.Body.GetProperty("labelIds").EnumerateArray().Select(id => id.GetGuid()));
        Assert.Equal([b, c], replaced.Body.GetProperty("labels").Ids());

        var kept = await Api.PatchAsync($"/api/issues/{issue.Id}", new { title = "labels untouched" });
        Assert.Equal([b, c], kept.Body.GetProperty("labels").Ids());

        var cleared = await Api.PatchAsync($"/api/issues/{issue.Id}", new { labelIds = Array.Empty<Guid>() });
        Assert.Equal(0, cleared.Body.GetProperty("labelIds").GetArrayLength());
        Assert.Equal(0, cleared.Body.GetProperty("labels").GetArrayLength());
    }

    [Fact]
    public async Task HiddenAtHidesTheIssueFromTheListUntilCleared()
    {
        var company = await Setup.CompanyAsync(Api);
        var visible = await Setup.IssueAsync(Api, company);
        var issue = await Setup.IssueAsync(Api, company);

        var hidden = await Api.PatchAsync($"/api/issues/{issue.Id}", new { hiddenAt = "2026-03-06T10:00:00Z" });
        Assert.Equal("2026-03-06T10:00:00.000Z", hidden.Body.Text("hiddenAt"));
        Assert.Equal([visible.Id], (await cluster.ApiB.GetAsync($"/api/companies/{company}/issues")).Body.Ids());
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync($"/api/issues/{issue.Id}")).Status);

        var shown = await Api.PatchAsync($"/api/issues/{issue.Id}", new Dictionary<string, object?> { ["hiddenAt"] = null });
        Assert.True(shown.Body.IsNull("hiddenAt"));
        Assert.Equal(2, (await cluster.ApiB.GetAsync($"/api/companies/{company}/issues")).Body.GetArrayLength());
    }

    [Theory]
    [InlineData("2026-03-06T10:00:00+01:00")]
    [InlineData("yesterday")]
    [InlineData("12")]
    public async Task HiddenAtMustBeAUtcTimestamp(string value)
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company);
        object hiddenAt = value == "12" ? 12 : value;

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new { hiddenAt });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["hiddenAt"], response.DetailPaths());
        await IssueAssert.UnchangedAsync(Api, issue);
    }

    [Fact]
    public async Task AnIssueCannotBecomeItsOwnParent()
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company);

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new { parentId = issue.Id });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("Issue cannot be its own ancestor", response.Error);
        await IssueAssert.UnchangedAsync(Api, issue);
    }

    [Fact]
    public async Task AParentCycleThroughDescendantsIsRefused()
    {
        var company = await Setup.CompanyAsync(Api);
        var root = await Setup.IssueAsync(Api, company);
        var child = await Setup.IssueAsync(Api, company, new { parentId = root.Id });
        var grandchild = await Setup.IssueAsync(Api, company, new { parentId = child.Id });

        var direct = await Api.PatchAsync($"/api/issues/{root.Id}", new { parentId = child.Id, title = "x" });
        var deep = await cluster.ApiB.PatchAsync($"/api/issues/{root.Id}", new { parentId = grandchild.Id, title = "x" });

        foreach (var response in new[] { direct, deep })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
            Assert.Equal("Issue cannot be its own ancestor", response.Error);
        }
        await IssueAssert.UnchangedAsync(Api, root);

        // Moving a subtree elsewhere is fine.
        var sibling = await Setup.IssueAsync(Api, company);
        Assert.Equal(HttpStatusCode.OK, (await Api.PatchAsync($"/api/issues/{child.Id}", new { parentId = sibling.Id })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PatchAsync($"/api/issues/{root.Id}", new { parentId = grandchild.Id })).Status);
    }

    [Fact]
    public async Task ACycleLongerThanTheAncestorsShownIsStillRefused()
    {
        // The detail shows (and the grain's own check walks) at most 50 ancestors; the write's
        // check in the database walks the whole chain.
        var company = await Setup.CompanyAsync(Api);
        var root = await Setup.IssueAsync(Api, company);
        var deepest = root.Id;
        for (var depth = 1; depth <= 55; depth++)
        {
            deepest = (await Setup.IssueAsync(depth % 2 == 0 ? Api : cluster.ApiB, company, new { parentId = deepest })).Id;
        }

        var response = await Api.PatchAsync($"/api/issues/{root.Id}", new { parentId = deepest });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "Issue cannot be its own ancestor"), (response.Status, response.Error));
        await IssueAssert.UnchangedAsync(Api, root);
        Assert.Equal(0, await IssueTreeAudit.CountIssuesInCyclesAsync(cluster.Database, company));
    }

    [Fact]
    public async Task AnInvalidFieldRefusesTheWholePatch()
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company);

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new { title = "changed", priority = "urgent", requestDepth = 1.5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Validation error", response.Error);
        Assert.Equal(["priority", "requestDepth"], response.DetailPaths());
        await IssueAssert.UnchangedAsync(Api, issue);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("status")]
    [InlineData("priority")]
    [InlineData("requestDepth")]
    [InlineData("labelIds")]
    public async Task NonNullableFieldsRefuseNull(string field)
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company);

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new Dictionary<string, object?> { [field] = null });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([field], response.DetailPaths());
        await IssueAssert.UnchangedAsync(Api, issue);
    }

    [Fact]
    public async Task AnEmptyPatchOnlyTouchesUpdatedAt()
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company);

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new { });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        foreach (var property in issue.Body.EnumerateObject().Where(p => p.Name != "updatedAt"))
        {
            Assert.Equal(property.Value.GetRawText(), response.Body.GetProperty(property.Name).GetRawText());
        }
    }

    [Fact]
    public async Task ConcurrentPatchesOfDifferentFieldsThroughBothGatewaysAllSurvive()
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company);
        var path = $"/api/issues/{issue.Id}";

        var responses = await Task.WhenAll(
            Api.PatchAsync(path, new { title = "concurrent title" }),
            cluster.ApiB.PatchAsync(path, new { description = "concurrent description" }),
            Api.PatchAsync(path, new { priority = "critical" }),
            cluster.ApiB.PatchAsync(path, new { billingCode = "CC" }),
            Api.PatchAsync(path, new { requestDepth = 4 }));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.Status));
        var final = (await Api.GetAsync(path)).Body;
        Assert.Equal("concurrent title", final.Text("title"));
        Assert.Equal("concurrent description", final.Text("description"));
        Assert.Equal("critical", final.Text("priority"));
        Assert.Equal("CC", final.Text("billingCode"));
        Assert.Equal(4, final.GetProperty("requestDepth").GetInt32());
    }
}
