using System.Net;
using System.Text.Json;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>POST /api/companies/{id}/issues (CONTRACT §3, reference §4.2): defaults, identifiers, authorship, validation.</summary>
[Collection(ApiCollection.Name)]
public sealed class IssuesCreateTests(ApiCluster cluster)
{
    private ApiClient Api => cluster.Api;

    [Fact]
    public async Task CreateAppliesDefaultsAndNumbersTheCompanysIssuesFromOne()
    {
        var (company, prefix) = await Setup.CompanyWithPrefixAsync(Api);

        var first = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "First" });
        var second = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "Second" });

        Assert.Equal(HttpStatusCode.Created, first.Status);
        var issue = first.Body;
        Assert.Equal($"{prefix}-1", issue.Text("identifier"));
        Assert.Equal(1, issue.GetProperty("issueNumber").GetInt32());
        Assert.Equal($"{prefix}-2", second.Body.Text("identifier"));
        Assert.Equal(2, second.Body.GetProperty("issueNumber").GetInt32());
        Assert.Equal(company.ToString(), issue.Text("companyId"));
        Assert.Equal("First", issue.Text("title"));
        Assert.Equal("backlog", issue.Text("status"));
        Assert.Equal("medium", issue.Text("priority"));
        Assert.Equal(0, issue.GetProperty("requestDepth").GetInt32());
        Assert.Equal("manual", issue.Text("originKind"));
        Assert.Equal(0, issue.GetProperty("labels").GetArrayLength());
        Assert.Equal(0, issue.GetProperty("labelIds").GetArrayLength());
        foreach (var unset in new[]
                 {
                     "description", "projectId", "goalId", "parentId", "assigneeAgentId", "assigneeUserId", "checkoutRunId",
                     "executionRunId", "executionLockedAt", "createdByAgentId", "billingCode", "assigneeAdapterOverrides",
                     "startedAt", "completedAt", "cancelledAt", "hiddenAt", "originId", "originRunId",
                 })
        {
            Assert.True(issue.IsNull(unset), $"{unset} should be null: {first}");
        }
        Assert.Equal(issue.Text("createdAt"), issue.Text("updatedAt"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", issue.Text("createdAt"));
    }

    [Fact]
    public async Task AnAgentAssigneeMakesTheDefaultStatusTodo()
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);

        var response = await Setup.IssueAsync(Api, company, new { assigneeAgentId = agent });

        Assert.Equal("todo", response.Body.Text("status"));
        Assert.Equal(agent, response.Body.GuidOrNull("assigneeAgentId"));
    }

    [Fact]
    public async Task AUserAssigneeMakesTheDefaultStatusTodo()
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Setup.IssueAsync(Api, company, new { assigneeUserId = "user-7" });

        Assert.Equal("todo", response.Body.Text("status"));
        Assert.Equal("user-7", response.Body.Text("assigneeUserId"));
    }

    [Fact]
    public async Task AnExplicitStatusWinsOverTheAssigneeDefault()
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);

        var response = await Setup.IssueAsync(Api, company, new { assigneeAgentId = agent, status = "backlog" });

        Assert.Equal("backlog", response.Body.Text("status"));
    }

    [Fact]
    public async Task CreatorAndServerOwnedFieldsComeFromTheServerNotTheBody()
    {
        var (company, prefix) = await Setup.CompanyWithPrefixAsync(Api);

        var response = await Setup.IssueAsync(Api, company, new
        {
            createdByUserId = "mallory",
            createdByAgentId = Guid.NewGuid(),
            identifier = "HAX-9",
            issueNumber = 99,
            originKind = "routine_execution",
            checkoutRunId = Guid.NewGuid(),
            executionRunId = Guid.NewGuid(),
            startedAt = "2020-01-01T00:00:00.000Z",
            companyId = Guid.NewGuid(),
        });

        var issue = response.Body;
        Assert.Equal("local-board", issue.Text("createdByUserId"));
        Assert.True(issue.IsNull("createdByAgentId"));
        Assert.Equal($"{prefix}-1", issue.Text("identifier"));
        Assert.Equal(1, issue.GetProperty("issueNumber").GetInt32());
        Assert.Equal("manual", issue.Text("originKind"));
        Assert.True(issue.IsNull("checkoutRunId"));
        Assert.True(issue.IsNull("executionRunId"));
        Assert.True(issue.IsNull("startedAt"));
        Assert.Equal(company.ToString(), issue.Text("companyId"));
    }

    [Theory]
    [InlineData("in_progress", "startedAt")]
    [InlineData("done", "completedAt")]
    [InlineData("cancelled", "cancelledAt")]
    public async Task CreatingInAStatusStampsItsTimestamp(string status, string stamped)
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);

        var issue = (await Setup.IssueAsync(Api, company, new { status, assigneeAgentId = agent })).Body;

        Assert.Equal(status, issue.Text("status"));
        Assert.Equal(issue.Text("createdAt"), issue.Text(stamped));
        foreach (var other in new[] { "startedAt", "completedAt", "cancelledAt" }.Where(name => name != stamped))
        {
            Assert.True(issue.IsNull(other), $"{other} should be null");
        }
    }

    [Fact]
    public async Task EveryOptionalFieldIsStoredAsSent()
    {
        var company = await Setup.CompanyAsync(Api);

        var created = await Setup.IssueAsync(Api, company, new
        {
            title = "Full",
            description = "Some **markdown**",
            priority = "critical",
            status = "blocked",
            requestDepth = 3,
            billingCode = "ACME-42",
            assigneeAdapterOverrides = new { adapterConfig = new { model = "x" }, useProjectWorkspace = true },
        });
        var fetched = await Api.GetAsync($"/api/issues/{created.Id}");

        foreach (var issue in new[] { created.Body, fetched.Body })
        {
            Assert.Equal("Some **markdown**", issue.Text("description"));
            Assert.Equal("critical", issue.Text("priority"));
            Assert.Equal("blocked", issue.Text("status"));
            Assert.Equal(3, issue.GetProperty("requestDepth").GetInt32());
            Assert.Equal("ACME-42", issue.Text("billingCode"));
            var overrides = issue.GetProperty("assigneeAdapterOverrides");
            Assert.Equal("x", overrides.GetProperty("adapterConfig").GetProperty("model").GetString());
            Assert.True(overrides.GetProperty("useProjectWorkspace").GetBoolean());
        }
    }

    [Fact]
    public async Task AMissingTitleIsAValidationErrorWithZodDetails()
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new { description = "no title" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Validation error", response.Error);
        var detail = Assert.Single(response.Body.GetProperty("details").EnumerateArray());
        Assert.Equal("invalid_type", detail.Text("code"));
        Assert.Equal("string", detail.Text("expected"));
        Assert.Equal("undefined", detail.Text("received"));
        Assert.Equal("Required", detail.Text("message"));
        Assert.Equal(["title"], response.DetailPaths());
    }

    [Fact]
    public async Task AnEmptyTitleIsTooSmall()
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var detail = Assert.Single(response.Body.GetProperty("details").EnumerateArray());
        Assert.Equal("too_small", detail.Text("code"));
        Assert.Equal(["title"], response.DetailPaths());
    }

    [Fact]
    public async Task EveryInvalidFieldIsNamedInOneValidationError()
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new
        {
            title = 5,
            status = "open",
            priority = "urgent",
            projectId = "not-a-uuid",
            assigneeAgentId = 12,
            requestDepth = -1,
            billingCode = false,
            assigneeAdapterOverrides = new { bogus = 1 },
            labelIds = new object[] { Guid.NewGuid(), "x" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Validation error", response.Error);
        Assert.Equal(
            ["title", "status", "priority", "projectId", "assigneeAgentId", "requestDepth", "billingCode",
             "assigneeAdapterOverrides.bogus", "labelIds.1"],
            response.DetailPaths());
        var status = response.Body.GetProperty("details")[1];
        Assert.Equal("invalid_enum_value", status.Text("code"));
        Assert.Equal(["backlog", "todo", "in_progress", "in_review", "done", "blocked", "cancelled"],
            status.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task ARefusedCreateWritesNothingAndConsumesNoNumber()
    {
        var (company, prefix) = await Setup.CompanyWithPrefixAsync(Api);

        var invalid = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "x", status = "bogus" });
        var refused = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "x", assigneeAgentId = Guid.NewGuid() });
        var created = await Setup.IssueAsync(Api, company);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Equal($"{prefix}-1", created.Body.Text("identifier"));
        Assert.Equal([created.Id], (await Api.GetAsync($"/api/companies/{company}/issues")).Body.Ids());
    }

    [Theory]
    [InlineData("00000000-0000-4000-8000-000000000001")]
    [InlineData("not-a-company")]
    public async Task CreatingInAnUnknownCompanyIsNotFound(string company)
    {
        var response = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "Orphan" });

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Company not found", response.Error);
    }

    [Theory]
    [InlineData(@"{""title"":""\ud800""}", "title")]
    [InlineData(@"{""title"":""ok"",""description"":""x\udc00y""}", "description")]
    [InlineData(@"{""title"":""ok"",""assigneeAdapterOverrides"":{""adapterConfig"":{""list"":[""\ud83d""]}}}", "assigneeAdapterOverrides.adapterConfig.list.0")]
    [InlineData(@"{""title"":""ok"",""\ud800"":1}", "")]
    public async Task TextWithAnUnpairedSurrogateIsAValidationErrorAndStoresNothing(string body, string path)
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Api.SendRawAsync(HttpMethod.Post, $"/api/companies/{company}/issues", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Validation error", response.Error);
        Assert.Equal([path], response.DetailPaths());
        var list = await Api.GetAsync($"/api/companies/{company}/issues");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(0, list.Body.GetArrayLength());
    }

    [Fact]
    public async Task UnknownBodyKeysAreIgnored()
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "x", whatever = new { deep = true } });

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.False(response.Body.TryGetProperty("whatever", out _));
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestAndCreatesNothing()
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Api.SendRawAsync(HttpMethod.Post, $"/api/companies/{company}/issues", "{\"title\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Malformed JSON body", response.Error);
        Assert.Equal(JsonValueKind.Array, (await Api.GetAsync($"/api/companies/{company}/issues")).Body.ValueKind);
        Assert.Equal(0, (await Api.GetAsync($"/api/companies/{company}/issues")).Body.GetArrayLength());
    }
}
