using System.Net;
using Paperclip.Gateway.Observability;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Cluster;

/// <summary>
/// <c>GET /api/health/ready</c> of a co-hosting silo: 200 while the database answers and the silo
/// is active, 503 naming the failing check while not, and 200 again without a restart. (A
/// standalone gateway's: <see cref="StandaloneGatewayTests"/>.)
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ReadinessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ASiloIsNotReadyWhileItsDatabaseIsUnreachableAndReadyAgainAfter()
    {
        var database = await TestDatabase.CreateAsync();
        await using var silo = SiloProcess.Start(database.Url, $"ready-{Guid.NewGuid():N}", "silo-r", withHttp: true);
        await silo.WaitForHttpAsync(StartTimeout);
        var api = Client(silo);

        var ready = await api.GetAsync("/api/health/ready");
        Assert.True(ready.Status == HttpStatusCode.OK, ready.ToString());
        Assert.Equal("""{"status":"ready","checks":{"database":"ok","cluster":"active"}}""", ready.Text);

        await database.SetReachableAsync(false);
        try
        {
            await WaitOutTheLastProbeAsync();
            var down = await api.GetAsync("/api/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
            Assert.Equal("""{"error":"Not ready","details":{"database":"unreachable","cluster":"active"}}""", down.Text);
            // Liveness is another question: the process is alive and will recover by itself.
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/health")).Status);
        }
        finally
        {
            await database.SetReachableAsync(true);
        }

        await WaitOutTheLastProbeAsync();
        var again = await api.GetAsync("/api/health/ready");
        Assert.True(again.Status == HttpStatusCode.OK, again.ToString());
    }

    /// <summary>One probe answers every caller for a second (it is open to anyone): let it expire.</summary>
    private static Task WaitOutTheLastProbeAsync() => Task.Delay(DatabaseReadiness.Reuse);

    private static ApiClient Client(SiloProcess process) =>
        new(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{process.HttpPort}"), Timeout = TimeSpan.FromSeconds(60) });
}
