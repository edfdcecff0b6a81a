using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>DELETE /api/issues/{id} (reference §4.7, CONTRACT §3).</summary>
[Collection(ApiCollection.Name)]
public sealed class IssuesDeleteTests(ApiCluster cluster)
{
    private ApiClient Api => cluster.Api;

    [Fact]
    public async Task DeleteReturnsTheDeletedIssueAndThenItIsGoneEverywhere()
    {
        var company = await Setup.CompanyAsync(Api);
        var label = await Setup.LabelAsync(Api, company);
        var issue = await Setup.IssueAsync(Api, company, new { labelIds = new[] { label } });
        var identifier = issue.Body.Text("identifier")!;

        var deleted = await Api.DeleteAsync($"/api/issues/{identifier}");

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        foreach (var property in issue.Body.EnumerateObject())
        {
            Assert.Equal(property.Value.GetRawText(), deleted.Body.GetProperty(property.Name).GetRawText());
        }
        foreach (var api in new[] { Api, cluster.ApiB })
        {
            Assert.Equal("Issue not found", (await api.GetAsync($"/api/issues/{issue.Id}")).Error);
            Assert.Equal("Issue not found", (await api.GetAsync($"/api/issues/{identifier}")).Error);
            Assert.Equal(0, (await api.GetAsync($"/api/companies/{company}/issues")).Body.GetArrayLength());
        }
        var again = await cluster.ApiB.DeleteAsync($"/api/issues/{issue.Id}");
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal("Issue not found", again.Error);
        var patch = await Api.PatchAsync($"/api/issues/{issue.Id}", new { title = "zombie" });
        Assert.Equal(HttpStatusCode.NotFound, patch.Status);
    }

    [Fact]
    public async Task AnIssueWithChildIssuesCannotBeDeletedUntilTheyAreGone()
    {
        var company = await Setup.CompanyAsync(Api);
        var parent = await Setup.IssueAsync(Api, company);
        var child = await Setup.IssueAsync(Api, company, new { parentId = parent.Id });

        var refused = await Api.DeleteAsync($"/api/issues/{parent.Id}");

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("Issue has child issues", refused.Error);
        await IssueAssert.UnchangedAsync(Api, parent);

        Assert.Equal(HttpStatusCode.OK, (await Api.PatchAsync($"/api/issues/{child.Id}", new { parentId = (Guid?)null })).Status);
        Assert.Equal(HttpStatusCode.OK, (await cluster.ApiB.DeleteAsync($"/api/issues/{parent.Id}")).Status);
    }

    [Fact]
    public async Task ADeletedParentCannotBeReusedAsAParent()
    {
        var company = await Setup.CompanyAsync(Api);
        var parent = await Setup.IssueAsync(Api, company);
        await Api.DeleteAsync($"/api/issues/{parent.Id}");

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "x", parentId = parent.Id });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("Parent issue not found", response.Error);
    }

    [Fact]
    public async Task DeletedIssueNumbersAreNeverReused()
    {
        var (company, prefix) = await Setup.CompanyWithPrefixAsync(Api);
        var first = await Setup.IssueAsync(Api, company);
        var second = await Setup.IssueAsync(Api, company);

        await Api.DeleteAsync($"/api/issues/{second.Id}");
        await Api.DeleteAsync($"/api/issues/{first.Id}");
        var third = await Setup.IssueAsync(Api, company);

        Assert.Equal($"{prefix}-3", third.Body.Text("identifier"));
        Assert.Equal(3, third.Body.GetProperty("issueNumber").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"/api/issues/{prefix}-2")).Status);
    }
}
