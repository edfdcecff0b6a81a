using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>Identifier allocation under concurrent creates through both gateways (reference §2.2).</summary>
[Collection(ApiCollection.Name)]
public sealed class IssuesConcurrencyTests(ApiCluster cluster)
{
    [Fact]
    public async Task FiftyConcurrentCreatesThroughTwoGatewaysGetConsecutiveDistinctIdentifiers()
    {
        var (company, prefix) = await Setup.CompanyWithPrefixAsync(cluster.Api);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            (i % 2 == 0 ? cluster.Api : cluster.ApiB).PostAsync($"/api/companies/{company}/issues", new { title = $"race {i}" })));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.Status));
        Assert.Equal(Enumerable.Range(1, 50), responses.Select(r => r.Body.GetProperty("issueNumber").GetInt32()).Order());
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"{prefix}-{n}").Order(),
            responses.Select(r => r.Body.Text("identifier")!).Order());
        Assert.Equal(50, responses.Select(r => r.Id).Distinct().Count());
        var listed = await cluster.ApiB.GetAsync($"/api/companies/{company}/issues");
        Assert.Equal(responses.Select(r => r.Id).Order(), listed.Body.Ids().Order());
    }
}
