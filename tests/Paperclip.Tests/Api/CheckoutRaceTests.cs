using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// "Exactly one wins" through HTTP: 32 agents, each with its own key and run, fire at one issue
/// in the same instant through two gateways on two silos.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CheckoutRaceTests(ApiCluster cluster)
{
    private const int Agents = 32;
    private ApiClient Board => cluster.Api;

    [Fact]
    public async Task ExactlyOneOfThirtyTwoAgentsWinsEveryRound()
    {
        var company = await Setup.CompanyAsync(Board);
        var agents = await CreateAgentsAsync(company);
        for (var round = 0; round < 20; round++)
        {
            var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });
            using var start = new SemaphoreSlim(0);
            var attempts = agents.Select(async agent =>
            {
                await start.WaitAsync();
                return await agent.CheckoutAsync(issue.Id, "todo");
            }).ToList();
            start.Release(Agents);
            var responses = await Task.WhenAll(attempts);

            var winners = responses.Select((r, i) => (r, i)).Where(x => x.r.Status == HttpStatusCode.OK).ToList();
            var winner = Assert.Single(winners);
            Assert.Equal(Agents - 1, responses.Count(r => r.Status == HttpStatusCode.Conflict));
            var final = await Board.GetAsync($"/api/issues/{issue.Id}");
            Assert.Equal(agents[winner.i].AgentId.ToString(), final.Str("assigneeAgentId"));
            Assert.Equal(agents[winner.i].RunId, final.Str("checkoutRunId"));
        }
    }

    [Fact]
    public async Task ReleaseRacingCheckoutsLeavesOneConsistentOwnerEveryRound()
    {
        var company = await Setup.CompanyAsync(Board);
        var agents = await CreateAgentsAsync(company);
        for (var round = 0; round < 10; round++)
        {
            var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });
            var owner = agents[round % Agents];
            Assert.Equal(HttpStatusCode.OK, (await owner.CheckoutAsync(issue.Id, "todo")).Status);
            var rivals = agents.Where(a => a != owner).Take(12).ToList();

            using var start = new SemaphoreSlim(0);
            var release = Task.Run(async () => { await start.WaitAsync(); return await owner.ReleaseAsync(issue.Id); });
            var checkouts = rivals.Select(async rival => { await start.WaitAsync(); return await rival.CheckoutAsync(issue.Id, "todo"); }).ToList();
            start.Release(rivals.Count + 1);
            var released = await release;
            var responses = await Task.WhenAll(checkouts);

            Assert.Equal(HttpStatusCode.OK, released.Status);
            Assert.All(responses, r => Assert.Contains(r.Status, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
            var winners = responses.Select((r, i) => (r, i)).Where(x => x.r.Status == HttpStatusCode.OK).ToList();
            Assert.True(winners.Count <= 1, $"round {round}: {winners.Count} winners");
            var final = await Board.GetAsync($"/api/issues/{issue.Id}");
            if (winners.Count == 1)
            {
                Assert.Equal(rivals[winners[0].i].AgentId.ToString(), final.Str("assigneeAgentId"));
                Assert.Equal("in_progress", final.Str("status"));
            }
            else
            {
                Assert.Equal("todo", final.Str("status"));
                Assert.Equal(System.Text.Json.JsonValueKind.Null, final.Body.GetProperty("assigneeAgentId").ValueKind);
            }
        }
    }

    private async Task<List<AgentSession>> CreateAgentsAsync(Guid company)
    {
        var agents = new List<AgentSession>();
        for (var i = 0; i < Agents; i++)
        {
            agents.Add(await AgentSession.CreateAsync(Board, company, i % 2 == 0 ? cluster.Api : cluster.ApiB));
        }
        return agents;
    }
}
