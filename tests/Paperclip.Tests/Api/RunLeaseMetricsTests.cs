using System.Diagnostics;
using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>Runs whose lease ran out are counted by the silo whose run grain timed them out.</summary>
[Collection(ShortLeaseCollection.Name)]
public sealed class RunLeaseMetricsTests(ShortLeaseCluster cluster)
{
    private ApiClient Board => cluster.Api;

    [Fact]
    public async Task ARunWhoseLeaseRunsOutIsCounted()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var before = await Scrape.OfAsync([.. cluster.Silos]);
        Assert.Equal(HttpStatusCode.OK, (await agent.Api.GetAsync("/api/agents/me", runId: agent.RunId)).Status);

        // The run grain's timer ends the run a little after its lease; wait for that, bounded.
        var waited = Stopwatch.StartNew();
        while ((await Board.GetAsync($"/api/heartbeat-runs/{agent.RunId}")).Str("status") != "timed_out")
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"run not timed out after {waited.Elapsed}");
            await Task.Delay(ShortLeaseCluster.Lease / 4);
        }

        var after = await Scrape.OfAsync([.. cluster.Silos]);
        // At least: another test's run may time out meanwhile.
        Assert.True(after.IncreaseSince(before, "paperclip_run_leases_expired_total") >= 1, after.Text);
    }
}
