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
        var issue = grains.GetGrain<IIssueGrain>(Guid.NewGuid());
        Assert.Equal(ReplyStatus.Created, (await issue.CreateAsync(new NewIssue { CompanyId = company.Id, Title = "survives" }, GrainSetup.Board)).Status);
        var before = JsonSerializer.Serialize(await issue.GetAsync());
        // Placement decides where the issue lives; the silo that holds it is the one to kill.
        var hostPort = (await management.GetActivationAddress(issue))!.Endpoint.Port;
        var (victim, survivor) = hostPort == siloA.SiloPort ? (siloA, siloB) : (siloB, siloA);
        Assert.Equal(hostPort, victim.SiloPort);

        victim.Kill();
        var clock = Stopwatch.StartNew();
        Issue? after = null;
        var failures = new List<Exception>();
        while (after is null && clock.Elapsed < FailoverDeadline)
        {
            try
            {
                after = await issue.GetAsync();
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException)
            {
                // The killed silo is not declared dead yet: calls to its grains fail until it is.
                failures.Add(exception);
                await Task.Delay(100);
            }
        }
        var failover = clock.Elapsed;
        output.WriteLine($"kill -9 of {victim.Name} -> issue answered from {survivor.Name} after {failover.TotalSeconds:F2} s " +
            $"(failed calls before: {string.Join(", ", failures.Select(failure => failure.GetType().Name))})");

        Assert.True(after is not null, $"the issue did not answer within {failover}; last failure: {failures.LastOrDefault()}");
        Assert.Equal(before, JsonSerializer.Serialize(after));
        Assert.Equal(survivor.SiloPort, (await management.GetActivationAddress(issue))!.Endpoint.Port);
        var update = await issue.UpdateAsync(new IssueChanges { Title = new("written after failover") }, GrainSetup.Board);
        Assert.Equal(ReplyStatus.Ok, update.Status);
        Assert.Equal("written after failover", await database.ScalarAsync(
            "SELECT payload->>'title' FROM grain_state WHERE state_name = 'issue' AND payload->>'id' = @id", ("id", after!.Id.ToString())));
        await ClusterMembership.WaitForAsync(database, ClusterId, ClusterMembership.Dead, 1, FailoverDeadline, [survivor]);
        Assert.Equal(victim.Name, await ClusterMembership.NamesAsync(database, ClusterId, ClusterMembership.Dead));
    }
}
