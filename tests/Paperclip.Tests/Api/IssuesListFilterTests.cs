using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>The list filters and search of CONTRACT §3 / reference §4.1, and their refusals (never a 500).</summary>
[Collection(ApiCollection.Name)]
public sealed class IssuesListFilterTests(ApiCluster cluster)
{
    private ApiClient Api => cluster.Api;

    private async Task<List<Guid>> ListAsync(Guid company, string query) =>
        (await Api.GetAsync($"/api/companies/{company}/issues?{query}")).Body.Ids();

    [Fact]
    public async Task StatusFiltersAcceptCommaSeparatedAndRepeatedValues()
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);
        var todo = await Setup.IssueAsync(Api, company, new { status = "todo" });
        var blocked = await Setup.IssueAsync(Api, company, new { status = "blocked" });
        var working = await Setup.IssueAsync(Api, company, new { status = "in_progress", assigneeAgentId = agent });
        await Setup.IssueAsync(Api, company, new { status = "done" });

        Assert.Equal([todo.Id], await ListAsync(company, "status=todo"));
        Assert.Equal(new[] { todo.Id, working.Id }.Order(), (await ListAsync(company, "status=todo,in_progress")).Order());
        Assert.Equal(new[] { todo.Id, working.Id }.Order(), (await ListAsync(company, "status=%20todo%20,,in_progress")).Order());
        Assert.Equal(new[] { todo.Id, blocked.Id }.Order(), (await ListAsync(company, "status=todo&status=blocked")).Order());
        Assert.Equal(4, (await ListAsync(company, "status=")).Count);
    }

    [Fact]
    public async Task AssigneeFiltersMatchTheAgentTheUserOrNobody()
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);
        var other = await Setup.AgentAsync(Api, company);
        var mine = await Setup.IssueAsync(Api, company, new { assigneeAgentId = agent });
        await Setup.IssueAsync(Api, company, new { assigneeAgentId = other });
        var user = await Setup.IssueAsync(Api, company, new { assigneeUserId = "user-42" });
        var board = await Setup.IssueAsync(Api, company, new { assigneeUserId = "local-board" });
        var nobody = await Setup.IssueAsync(Api, company);

        Assert.Equal([mine.Id], await ListAsync(company, $"assigneeAgentId={agent}"));
        // "null" means no agent assignee (issues assigned to users included).
        Assert.Equal(new[] { user.Id, board.Id, nobody.Id }.Order(), (await ListAsync(company, "assigneeAgentId=null")).Order());
        Assert.Equal([user.Id], await ListAsync(company, "assigneeUserId=user-42"));
        Assert.Equal([board.Id], await ListAsync(company, "assigneeUserId=me"));
        Assert.Empty(await ListAsync(company, $"assigneeAgentId={Guid.NewGuid()}"));
    }

    [Fact]
    public async Task ProjectParentAndLabelFiltersMatchExactly()
    {
        var company = await Setup.CompanyAsync(Api);
        var project = await Setup.ProjectAsync(Api, company);
        var label = await Setup.LabelAsync(Api, company);
        var otherLabel = await Setup.LabelAsync(Api, company);
        var parent = await Setup.IssueAsync(Api, company, new { projectId = project });
        var child = await Setup.IssueAsync(Api, company, new { parentId = parent.Id, labelIds = new[] { otherLabel, label } });
        var grandchild = await Setup.IssueAsync(Api, company, new { parentId = child.Id, projectId = project });
        var labelledOnly = await Setup.IssueAsync(Api, company, new { labelIds = new[] { label } });

        Assert.Equal(new[] { parent.Id, grandchild.Id }.Order(), (await ListAsync(company, $"projectId={project}")).Order());
        // Direct children only.
        Assert.Equal([child.Id], await ListAsync(company, $"parentId={parent.Id}"));
        Assert.Equal(new[] { child.Id, labelledOnly.Id }.Order(), (await ListAsync(company, $"labelId={label}")).Order());
        Assert.Equal([child.Id], await ListAsync(company, $"labelId={label}&parentId={parent.Id}"));
        Assert.Empty(await ListAsync(company, $"labelId={Guid.NewGuid()}"));
        Assert.Empty(await ListAsync(company, $"projectId={project}&status=todo"));
    }

    [Fact]
    public async Task SearchRanksTitlePrefixThenTitleThenIdentifierThenDescriptionBeforePriority()
    {
        var company = await Setup.CompanyAsync(Api);
        var byIdentifier = await Setup.IssueAsync(Api, company, new { title = "unrelated", priority = "high" });
        var term = byIdentifier.Body.Text("identifier")!;
        var byDescription = await Setup.IssueAsync(Api, company, new { title = "other", description = $"see {term.ToLowerInvariant()} for context", priority = "critical" });
        var inTitle = await Setup.IssueAsync(Api, company, new { title = $"Follow-up to {term}", priority = "low" });
        var titlePrefix = await Setup.IssueAsync(Api, company, new { title = $"{term.ToLowerInvariant()}: the sequel", priority = "low" });
        await Setup.IssueAsync(Api, company, new { title = "no match at all", priority = "critical" });

        var found = await ListAsync(company, $"q={Uri.EscapeDataString(term)}");

        Assert.Equal([titlePrefix.Id, inTitle.Id, byIdentifier.Id, byDescription.Id], found);
    }

    [Fact]
    public async Task SearchTreatsLikeWildcardsAsPlainText()
    {
        var company = await Setup.CompanyAsync(Api);
        var percent = await Setup.IssueAsync(Api, company, new { title = "100% done" });
        var underscore = await Setup.IssueAsync(Api, company, new { title = "snake_case" });
        await Setup.IssueAsync(Api, company, new { title = "100 x done, snakeXcase" });

        Assert.Equal([percent.Id], await ListAsync(company, "q=%25"));
        Assert.Equal([underscore.Id], await ListAsync(company, "q=e_c"));
        Assert.Equal(3, (await ListAsync(company, "q=%20%20")).Count);
    }

    [Theory]
    [InlineData("assigneeAgentId=nope", "Invalid assigneeAgentId: expected a UUID")]
    [InlineData("projectId=123", "Invalid projectId: expected a UUID")]
    [InlineData("parentId=PAP-1", "Invalid parentId: expected a UUID")]
    [InlineData("labelId='%20OR%201=1", "Invalid labelId: expected a UUID")]
    public async Task AMalformedIdFilterIsUnprocessable(string query, string error)
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Api.GetAsync($"/api/companies/{company}/issues?{query}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal(error, response.Error);
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("limit=99999999999", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=x", "offset")]
    [InlineData("status=open", "status")]
    [InlineData("status=todo,bogus", "status")]
    [InlineData("q=a%00b", "q")]
    [InlineData("assigneeUserId=a%00b", "assigneeUserId")]
    public async Task AnInvalidQueryValueIsAValidationError(string query, string path)
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Api.GetAsync($"/api/companies/{company}/issues?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Validation error", response.Error);
        Assert.Equal([path], response.DetailPaths());
    }

    [Fact]
    public async Task UnknownQueryParametersAreIgnored()
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company);

        Assert.Equal([issue.Id], await ListAsync(company, "view=compact&foo=bar"));
    }
}
