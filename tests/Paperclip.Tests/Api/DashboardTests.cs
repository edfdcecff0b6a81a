using System.Net;
using System.Text.Json;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>The Orleans dashboard at <c>/dashboard/</c> in <c>local_trusted</c> mode: open on loopback, like the rest of the API.</summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardTests(ApiCluster cluster)
{
    [Fact]
    public async Task ALoopbackCallerWithoutCredentialsOpensTheDashboardAndSeesBothSilos()
    {
        var http = cluster.Api.Http;

        var page = await http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        var counters = await http.GetAsync("/dashboard/DashboardCounters");
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        using var body = JsonDocument.Parse(await counters.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("totalActiveHostCount").GetInt32());
    }
}
