using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class CompaniesApiTests(ApiCluster cluster)
{
    private ApiClient Api => cluster.Api;

    [Fact]
    public async Task CreatedCompanyGetsPrefixFromFirstThreeLettersAndClashesAppendA()
    {
        var stem = new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(3).Select(char.ToUpperInvariant)]).PadRight(3, 'Q');
        var first = await Api.PostAsync("/api/companies", new { name = $"{stem.ToLowerInvariant()} 1 corp", description = "d" });
        var second = await Api.PostAsync("/api/companies", new { name = $"{stem}-two" });
        var third = await cluster.ApiB.PostAsync("/api/companies", new { name = stem });

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(stem, first.Str("issuePrefix"));
        Assert.Equal(stem + "A", second.Str("issuePrefix"));
        Assert.Equal(stem + "AA", third.Str("issuePrefix"));
        Assert.Equal("active", first.Str("status"));
        Assert.Equal(0, first.Body.GetProperty("issueCounter").GetInt32());
        Assert.Equal("d", first.Str("description"));
    }

    [Fact]
    public async Task NameWithoutLettersFallsBackToCmpPrefix()
    {
        var response = await Api.PostAsync("/api/companies", new { name = "123 456" });
        Assert.StartsWith("CMP", response.Str("issuePrefix"));
    }

    [Fact]
    public async Task CompanyWithoutNameIsAValidationError()
    {
        var response = await Api.PostAsync("/api/companies", new { description = "no name" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var detail = response.Body.GetProperty("details")[0];
        Assert.Equal("name", detail.GetProperty("path")[0].GetString());
        Assert.Equal("Required", detail.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CompanyCanBeReadListedAndPatchedThroughEitherGateway()
    {
        var id = await Setup.CompanyAsync(Api);
        var patched = await cluster.ApiB.PatchAsync($"/api/companies/{id}", new { name = "Renamed", status = "paused", pauseReason = "budget" });
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal("Renamed", patched.Str("name"));
        Assert.Equal("paused", patched.Str("status"));
        Assert.NotNull(patched.Body.GetProperty("pausedAt").GetString());

        var read = await Api.GetAsync($"/api/companies/{id}");
        Assert.Equal("Renamed", read.Str("name"));
        var list = await Api.GetAsync("/api/companies");
        Assert.Contains(list.Body.EnumerateArray(), c => c.GetProperty("id").GetString() == id.ToString());
    }

    [Fact]
    public async Task PatchWithAnInvalidStatusChangesNothing()
    {
        var id = await Setup.CompanyAsync(Api, "Stable Name");
        var response = await Api.PatchAsync($"/api/companies/{id}", new { name = "Other", status = "bankrupt" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Stable Name", (await Api.GetAsync($"/api/companies/{id}")).Str("name"));
    }

    [Fact]
    public async Task PatchOfUnknownCompanyIsNotFound()
    {
        var response = await Api.PatchAsync($"/api/companies/{Guid.NewGuid()}", new { name = "x" });
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Company not found", response.Error);
    }
}
