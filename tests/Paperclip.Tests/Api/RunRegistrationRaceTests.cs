using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// The first requests of a new heartbeat run arrive together (an agent's tools fan out): every one
/// of them is served, through both silos, and the run is registered once.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RunRegistrationRaceTests(ApiCluster cluster)
{
    [Fact]
    public async Task ThirtyTwoFirstRequestsOfANewRunThroughTwoSilosAreAllServed()
    {
        var company = await Setup.CompanyAsync(cluster.Api);
        var agent = await AgentSession.CreateAsync(cluster.Api, company);
        for (var round = 0; round < 5; round++)
        {
            var runId = Guid.NewGuid().ToString();
            using var start = new SemaphoreSlim(0);
            var requests = Enumerable.Range(0, 32).Select(async i =>
            {
                await start.WaitAsync();
                var via = i % 2 == 0 ? cluster.Api : cluster.ApiB;
                return await via.GetAsync("/api/agents/me", agent.Token, runId);
            }).ToList();
            start.Release(32);
            var responses = await Task.WhenAll(requests);

            Assert.All(responses, response => Assert.True(response.Status == HttpStatusCode.OK, response.ToString()));
            var run = await cluster.Api.GetAsync($"/api/heartbeat-runs/{runId}");
            Assert.Equal("running", run.Str("status"));
        }
    }
}
