using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Cluster;

/// <summary>
/// A standalone gateway (an Orleans client serving HTTP) is observable like a co-hosting silo:
/// <c>/metrics</c>, the dashboard (its data comes from the silos), and readiness that follows
/// its connection to the cluster.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class StandaloneGatewayTests
{
    [Fact]
    public async Task AStandaloneGatewayServesMetricsAndTheDashboardAndIsReadyOnlyWhileConnected()
    {
        var database = await TestDatabase.CreateAsync();
        var clusterId = $"gateway-{Guid.NewGuid():N}";
        await using var silo = SiloProcess.Start(database.Url, clusterId, "silo-g", withHttp: false);
        await using var gateway = SiloProcess.StartGateway(database.Url, clusterId, "gateway");
        await gateway.WaitForHttpAsync(TimeSpan.FromSeconds(90));
        var api = new ApiClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gateway.HttpPort}"), Timeout = TimeSpan.FromSeconds(60) });

        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/companies", new { name = "Via gateway" })).Status);
        var scrape = await Scrape.OfAsync(gateway);
        Assert.True(scrape.Sum("http_server_request_duration_seconds_count", "http_route=\"/api/companies/\"") >= 1, scrape.Text);
        Assert.True(scrape.Sum("orleans_app_requests_latency_milliseconds_count") >= 1, scrape.Text);
        using var dashboard = await api.Http.GetAsync("/dashboard/DashboardCounters");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

        var ready = await api.GetAsync("/api/health/ready");
        Assert.True(ready.Status == HttpStatusCode.OK, $"{ready}\n{gateway.Output}");
        Assert.Equal("connected", ready.Body.GetProperty("checks").GetProperty("cluster").GetString());

        await silo.KillAsync();
        // The client notices the closed connection on its own schedule: a bounded wait.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        ApiResponse down;
        while ((down = await api.GetAsync("/api/health/ready")).Status == HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("disconnected", down.Body.GetProperty("details").GetProperty("cluster").GetString());
    }
}
