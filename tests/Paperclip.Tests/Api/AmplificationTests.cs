using System.Diagnostics;
using System.Net;
using System.Text;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// Cheap requests that must not make the server do unbounded work (README, Authentication and
/// Checkout): project links in a description, random key tokens, and run ids an agent invents.
/// </summary>
[Collection(AuthenticatedCollection.Name)]
public sealed class AmplificationTests(AuthenticatedCluster cluster)
{
    /// <summary>The documented defaults of the caps.</summary>
    private const int MaxResolvedProjectLinks = 20;
    private const int MaxLiveRunsPerAgent = 20;

    private ApiClient Board => cluster.Api.As(AuthenticatedCluster.BoardKey);

    [Fact]
    public async Task IssueFullOfProjectLinksAnswersQuicklyAndResolvesOnlyTheFirstTwentyDistinctIds()
    {
        var company = await Setup.CompanyAsync(Board);
        var foreignProject = await Setup.ProjectAsync(Board, await Setup.CompanyAsync(Board));
        var ownProjects = new List<Guid>();
        for (var i = 0; i < MaxResolvedProjectLinks + 5; i++)
        {
            ownProjects.Add(await Setup.ProjectAsync(Board, company));
        }
        // Text order: another company's project (counts, never shown), the own projects twice
        // (duplicates count once), then a flood of ids that name nothing.
        var description = new StringBuilder($"[f](project://{foreignProject})");
        foreach (var id in ownProjects.Concat(ownProjects))
        {
            description.Append($" [p](project://{id})");
        }
        // As many links as the description's 100,000-character bound holds (about 1,900).
        while (description.Length + 60 <= 100_000)
        {
            description.Append($"[x](project://{Guid.NewGuid()})");
        }
        var issue = await Setup.IssueAsync(Board, company, new { description = description.ToString() });

        var watch = Stopwatch.StartNew();
        var read = await Board.GetAsync($"/api/issues/{issue.Id}");
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"GET took {watch.Elapsed.TotalMilliseconds:F0} ms");
        var mentioned = read.Body.GetProperty("mentionedProjects").EnumerateArray().Select(p => Guid.Parse(p.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(ownProjects.Take(MaxResolvedProjectLinks - 1), mentioned);
    }

    [Fact]
    public async Task RandomKeyTokensAreRefusedWithoutLeavingKeyGrainActivationsBehind()
    {
        await using var client = await ClusterClientHost.StartAsync(cluster.Database, cluster.ClusterId);
        var before = await KeyGrainActivationsAsync(client);
        for (var i = 0; i < 200; i++)
        {
            // Well-formed: a prefix and 48 hex characters, like a minted key.
            var token = (i % 2 == 0 ? "pcp_" : "pcb_") + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "0123456789abcdef";
            var refused = await (i % 2 == 0 ? cluster.Api : cluster.ApiB).GetAsync("/api/agents/me", bearer: token);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
            // Malformed: never a key, so never looked up.
            var malformed = await cluster.Api.GetAsync("/api/agents/me", bearer: token + token[4..]);
            Assert.Equal(HttpStatusCode.Unauthorized, malformed.Status);
        }

        // Deactivation finishes just after the reply: give it a moment, but far less than idle collection.
        var waited = Stopwatch.StartNew();
        int after;
        while ((after = await KeyGrainActivationsAsync(client)) > before && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(200);
        }
        Assert.True(after <= before, $"{after - before} key grain activations left behind by 400 unknown tokens");
    }

    [Fact]
    public async Task AgentsUnseenRunIdsBeyondTheCapAreRefusedUntilOneOfItsRunsFinishes()
    {
        var agent = await AgentSession.CreateAsync(Board, await Setup.CompanyAsync(Board));
        var runs = Enumerable.Range(0, MaxLiveRunsPerAgent).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var run in runs)
        {
            Assert.Equal(HttpStatusCode.OK, (await agent.Api.GetAsync("/api/agents/me", runId: run)).Status);
        }

        var extra = Guid.NewGuid().ToString();
        var refused = await agent.Api.GetAsync("/api/agents/me", runId: extra);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("Too many live runs for this agent", refused.Error);
        Assert.Equal(MaxLiveRunsPerAgent, refused.Body.GetProperty("details").GetProperty("maxLiveRuns").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await Board.GetAsync($"/api/heartbeat-runs/{extra}")).Status);
        // The registered runs keep working, through either gateway.
        Assert.Equal(HttpStatusCode.OK, (await agent.Api.GetAsync("/api/agents/me", runId: runs[^1])).Status);
        Assert.Equal(HttpStatusCode.OK, (await cluster.ApiB.As(agent.Token).GetAsync("/api/agents/me", runId: runs[0])).Status);

        var finished = await agent.Api.PostAsync($"/api/heartbeat-runs/{runs[0]}/finish", new { status = "succeeded" }, runId: runs[1]);
        Assert.Equal(HttpStatusCode.OK, finished.Status);
        Assert.Equal(HttpStatusCode.OK, (await agent.Api.GetAsync("/api/agents/me", runId: extra)).Status);
        Assert.Equal("running", (await Board.GetAsync($"/api/heartbeat-runs/{extra}")).Str("status"));
    }

    [Fact]
    public async Task RacingUnseenRunIdsOfOneAgentRegisterExactlyTheCap()
    {
        var agent = await AgentSession.CreateAsync(Board, await Setup.CompanyAsync(Board));
        var other = await AgentSession.CreateAsync(Board, await Setup.CompanyAsync(Board));
        var gateways = new[] { agent.Api, cluster.ApiB.As(agent.Token) };
        var answers = await Task.WhenAll(Enumerable.Range(0, MaxLiveRunsPerAgent * 3)
            .Select(i => gateways[i % 2].GetAsync("/api/agents/me", runId: Guid.NewGuid().ToString())));

        Assert.Equal(MaxLiveRunsPerAgent, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));
        // The cap is per agent: another agent is not affected.
        Assert.Equal(HttpStatusCode.OK, (await other.Api.GetAsync("/api/agents/me", runId: other.RunId)).Status);
    }

    [Fact]
    public async Task HealthCheckCarryingARunIdRegistersNoRun()
    {
        var agent = await AgentSession.CreateAsync(Board, await Setup.CompanyAsync(Board));
        Assert.Equal(HttpStatusCode.OK, (await agent.Api.GetAsync("/api/health", runId: agent.RunId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Board.GetAsync($"/api/heartbeat-runs/{agent.RunId}")).Status);
    }

    private static async Task<int> KeyGrainActivationsAsync(ClusterClientHost client) =>
        (await client.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics())
            .Where(statistic => statistic.GrainType.Contains("ApiKeyGrain", StringComparison.Ordinal))
            .Sum(statistic => statistic.ActivationCount);
}
