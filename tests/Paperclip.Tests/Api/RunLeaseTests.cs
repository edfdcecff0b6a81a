using System.Diagnostics;
using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>Run leases (CONTRACT §4): requests keep a run live; silence makes it time out and frees its locks.</summary>
[Collection(ShortLeaseCollection.Name)]
public sealed class RunLeaseTests(ShortLeaseCluster cluster)
{
    private ApiClient Board => cluster.Api;

    [Fact]
    public async Task SilentRunTimesOutByItselfAndItsAgentsNextRunAdoptsTheIssue()
    {
        var company = await Setup.CompanyAsync(Board);
        var crashed = await AgentSession.CreateAsync(Board, company);
        var rival = await AgentSession.CreateAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });
        Assert.Equal(HttpStatusCode.OK, (await crashed.CheckoutAsync(issue.Id, "todo")).Status);

        // Nobody calls anything: the stored run must turn timed_out on its own.
        var waited = Stopwatch.StartNew();
        while (await StoredRunStatusAsync(crashed.RunId) != "timed_out")
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"run still {await StoredRunStatusAsync(crashed.RunId)} after {waited.Elapsed}");
            await Task.Delay(200);
        }

        var listed = await Board.GetAsync($"/api/companies/{company}/issues");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.Body[0].GetProperty("activeRun").ValueKind);
        var stolen = await rival.CheckoutAsync(issue.Id, "in_progress");
        Assert.Equal("held_by_other_agent", stolen.Body.GetProperty("details").GetProperty("conflictReason").GetString());

        var next = crashed.NewRun();
        var adopted = await next.CheckoutAsync(issue.Id, "todo");
        Assert.Equal(HttpStatusCode.OK, adopted.Status);
        Assert.Equal(next.RunId, adopted.Str("checkoutRunId"));
    }

    [Fact]
    public async Task RequestsCarryingTheRunIdKeepItLive()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var until = DateTime.UtcNow + (ShortLeaseCluster.Lease * 2);
        while (DateTime.UtcNow < until)
        {
            Assert.Equal(HttpStatusCode.OK, (await agent.Api.GetAsync("/api/agents/me", runId: agent.RunId)).Status);
            await Task.Delay(ShortLeaseCluster.Lease / 4);
        }
        Assert.Equal("running", (await Board.GetAsync($"/api/heartbeat-runs/{agent.RunId}")).Str("status"));
    }

    private async Task<string?> StoredRunStatusAsync(string runId) =>
        await cluster.Database.ScalarAsync(
            $"SELECT payload->>'status' FROM grain_state WHERE state_name = 'heartbeat-run' AND payload->>'id' = '{Guid.Parse(runId)}'") as string;
}
