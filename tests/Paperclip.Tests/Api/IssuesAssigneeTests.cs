using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>The assignee rules of create and PATCH (reference §4.2, §4.5), with the reference's codes and messages.</summary>
[Collection(ApiCollection.Name)]
public sealed class IssuesAssigneeTests(ApiCluster cluster)
{
    private ApiClient Api => cluster.Api;

    [Fact]
    public async Task CreatingWithBothAssigneesIsUnprocessable()
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "x", assigneeAgentId = agent, assigneeUserId = "user-1" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("Issue can only have one assignee", response.Error);
    }

    [Fact]
    public async Task AnUnknownAssigneeAgentIsNotFound()
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "x", assigneeAgentId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Assignee agent not found", response.Error);
    }

    [Fact]
    public async Task AnAssigneeAgentOfAnotherCompanyIsUnprocessable()
    {
        var company = await Setup.CompanyAsync(Api);
        var foreignAgent = await Setup.AgentAsync(Api, await Setup.CompanyAsync(Api));

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "x", assigneeAgentId = foreignAgent });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("Assignee must belong to same company", response.Error);
    }

    [Theory]
    [InlineData("pending_approval", "Cannot assign work to pending approval agents")]
    [InlineData("terminated", "Cannot assign work to terminated agents")]
    public async Task AgentsThatCannotWorkCannotBeAssigned(string status, string error)
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentWithStatusAsync(Api, company, status);

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "x", assigneeAgentId = agent });

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal(error, response.Error);
    }

    [Theory]
    [InlineData("paused")]
    [InlineData("error")]
    [InlineData("running")]
    public async Task AgentsInOtherStatusesCanBeAssigned(string status)
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentWithStatusAsync(Api, company, status);

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "x", assigneeAgentId = agent });

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal(agent, response.Body.GuidOrNull("assigneeAgentId"));
    }

    [Fact]
    public async Task CreatingInProgressWithoutAnAssigneeIsUnprocessable()
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "x", status = "in_progress" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("in_progress issues require an assignee", response.Error);
    }

    [Fact]
    public async Task AUserAssigneeIsEnoughForInProgress()
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "x", status = "in_progress", assigneeUserId = "user-1" });

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("in_progress", response.Body.Text("status"));
    }

    [Fact]
    public async Task PatchingInASecondAssigneeIsUnprocessableAndChangesNothing()
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);
        var issue = await Setup.IssueAsync(Api, company, new { assigneeAgentId = agent });

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new { assigneeUserId = "user-1", title = "changed" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("Issue can only have one assignee", response.Error);
        await IssueAssert.UnchangedAsync(Api, issue);
    }

    [Fact]
    public async Task ReplacingTheAgentWithAUserInOnePatchIsAllowed()
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);
        var issue = await Setup.IssueAsync(Api, company, new { assigneeAgentId = agent });

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new { assigneeAgentId = (Guid?)null, assigneeUserId = "user-1" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Body.IsNull("assigneeAgentId"));
        Assert.Equal("user-1", response.Body.Text("assigneeUserId"));
    }

    [Theory]
    [InlineData("unknown", HttpStatusCode.NotFound, "Assignee agent not found")]
    [InlineData("foreign", HttpStatusCode.UnprocessableEntity, "Assignee must belong to same company")]
    [InlineData("pending_approval", HttpStatusCode.Conflict, "Cannot assign work to pending approval agents")]
    [InlineData("terminated", HttpStatusCode.Conflict, "Cannot assign work to terminated agents")]
    public async Task ReassigningChecksTheNewAgentAndChangesNothingWhenRefused(string kind, HttpStatusCode status, string error)
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company);
        var agent = kind switch
        {
            "unknown" => Guid.NewGuid(),
            "foreign" => await Setup.AgentAsync(Api, await Setup.CompanyAsync(Api)),
            _ => await Setup.AgentWithStatusAsync(Api, company, kind),
        };

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new { assigneeAgentId = agent, title = "changed" });

        Assert.Equal(status, response.Status);
        Assert.Equal(error, response.Error);
        await IssueAssert.UnchangedAsync(Api, issue);
    }

    [Fact]
    public async Task AKeptAssigneeIsNotRecheckedWhenOtherFieldsChange()
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);
        var issue = await Setup.IssueAsync(Api, company, new { assigneeAgentId = agent });
        await Api.PatchAsync($"/api/agents/{agent}", new { status = "terminated" });

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new { title = "still theirs", assigneeAgentId = agent });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(agent, response.Body.GuidOrNull("assigneeAgentId"));
    }

    [Fact]
    public async Task MovingAnUnassignedIssueToInProgressIsUnprocessable()
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company);

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new { status = "in_progress" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("in_progress issues require an assignee", response.Error);
        await IssueAssert.UnchangedAsync(Api, issue);
    }

    [Fact]
    public async Task UnassigningAnInProgressIssueIsUnprocessable()
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);
        var issue = await Setup.IssueAsync(Api, company, new { assigneeAgentId = agent, status = "in_progress" });

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new { assigneeAgentId = (Guid?)null });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("in_progress issues require an assignee", response.Error);
        await IssueAssert.UnchangedAsync(Api, issue);
    }

    [Fact]
    public async Task ReassigningAnInProgressIssueKeepsItInProgressWithTheLocksCleared()
    {
        var company = await Setup.CompanyAsync(Api);
        var first = await Setup.AgentAsync(Api, company);
        var second = await Setup.AgentAsync(Api, company);
        var issue = await Setup.IssueAsync(Api, company, new { assigneeAgentId = first, status = "in_progress" });

        var response = await cluster.ApiB.PatchAsync($"/api/issues/{issue.Id}", new { assigneeAgentId = second });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("in_progress", response.Body.Text("status"));
        Assert.Equal(second, response.Body.GuidOrNull("assigneeAgentId"));
        Assert.True(response.Body.IsNull("checkoutRunId"));
        Assert.True(response.Body.IsNull("executionRunId"));
        Assert.True(response.Body.IsNull("executionLockedAt"));
    }
}
