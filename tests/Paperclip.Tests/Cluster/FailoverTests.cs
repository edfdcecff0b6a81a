using System.Diagnostics;
using System.Text.Json;
using Paperclip.Grains;
using Paperclip.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Paperclip.Tests.Cluster;

/// <summary>
/// Two grain-only silo processes and an external client that finds them through PostgreSQL, as a
/// standalone gateway does. Killing a silo (kill -9) loses nothing acknowledged: its grains come
/// back on the survivor from storage.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FailoverTests(ITestOutputHelper output)
{
    private const string ClusterId = "paperclip";
    private static readonly TimeSpan FormationTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan FailoverDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task IssueOfAKilledSiloAnswersFromTheSurvivorWithItsStateAndAcceptsWrites()
    {
        var database = await TestDatabase.CreateAsync();
        await using var siloA = SiloProcess.Start(database.Url, ClusterId, "silo-a", withHttp: false);
        await using var siloB = SiloProcess.Start(database.Url, ClusterId, "silo-b", withHttp: false);
        await ClusterMembership.WaitForAsync(database, ClusterId, ClusterMembership.Active, 2, FormationTimeout, [siloA, siloB]);
        await using var client = await ClusterClientHost.StartAsync(database, ClusterId);
        var grains = client.Grains;
        var management = grains.GetGrain<IManagementGrain>(0);
        var company = await GrainSetup.CompanyAsync(grains, "Failover Inc");
        var issue = await CreateIssueActivatedOnAsync(grains, management, company.Id, siloB);
        var before = JsonSerializer.Serialize(await issue.GetAsync());

        siloB.Kill();
        var clock = Stopwatch.StartNew();
        Issue? after = null;
        Exception? lastFailure = null;
        while (after is null && clock.Elapsed < FailoverDeadline)
        {
            try
            {
                after = await issue.GetAsync();
            }
            catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException or OrleansException)
            {
                // The silo is not declared dead yet: calls to its grains fail until it is.
                lastFailure = exception;
                await Task.Delay(100);
            }
        }
        var failover = clock.Elapsed;
        output.WriteLine($"kill -9 -> issue answered from the survivor after {failover.TotalSeconds:F2} s");

        Assert.True(after is not null, $"the issue did not answer within {failover}; last failure: {lastFailure}");
        Assert.Equal(before, JsonSerializer.Serialize(after));
        Assert.Equal(siloA.SiloPort, (await management.GetActivationAddress(issue))!.Endpoint.Port);
        var update = await issue.UpdateAsync(new IssueChanges { Title = new("written after failover") }, GrainSetup.Board);
        Assert.Equal(ReplyStatus.Ok, update.Status);
        Assert.Equal("written after failover", (await database.ScalarAsync(
            "SELECT payload->>'title' FROM grain_state WHERE state_name = 'issue' AND payload->>'id' = @id", ("id", after!.Id.ToString()))));
        await ClusterMembership.WaitForAsync(database, ClusterId, ClusterMembership.Dead, 1, FailoverDeadline, [siloA, siloB]);
        Assert.Equal("silo-b", await ClusterMembership.NamesAsync(database, ClusterId, ClusterMembership.Dead));
    }

    /// <summary>
    /// Creates issues until one is activated on <paramref name="silo"/> (placement decides where,
    /// so a handful of tries is needed), and returns that issue's grain.
    /// </summary>
    private static async Task<IIssueGrain> CreateIssueActivatedOnAsync(IGrainFactory grains, IManagementGrain management, Guid companyId, SiloProcess silo)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var issue = grains.GetGrain<IIssueGrain>(Guid.NewGuid());
            var reply = await issue.CreateAsync(new NewIssue { CompanyId = companyId, Title = $"issue {attempt}" }, GrainSetup.Board);
            Assert.Equal(ReplyStatus.Created, reply.Status);
            if ((await management.GetActivationAddress(issue))?.Endpoint.Port == silo.SiloPort)
            {
                return issue;
            }
        }
        throw new InvalidOperationException($"None of 50 issues was activated on {silo.Name}.");
    }
}
