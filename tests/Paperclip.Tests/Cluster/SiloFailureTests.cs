using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Net;
using Xunit.Abstractions;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Cluster;

/// <summary>
/// ARCHITECTURE "Failure model", through the processes <c>deploy/up.sh</c> runs: a silo killed or
/// stopped under a mixed write load, or the database gone for seconds, loses nothing that was
/// acknowledged, and the API answers again within seconds without anyone restarting anything.
/// </summary>
public sealed class SiloFailureTests(SupervisedCluster cluster, ITestOutputHelper output) : IClassFixture<SupervisedCluster>
{
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan DisturbAfter = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromSeconds(60);
    private UpScript System => cluster.System;

    [Fact]
    public async Task KillingOneOfThreeSilosUnderMixedWritesLosesNothingAcknowledged()
    {
        var (load, killed, board, company) = await UnderLoadAsync(() => System.SignalSiloAsync(1, "KILL"));
        var restarted = await System.WaitForRestartAsync(1, killed, RestartTimeout);
        output.WriteLine($"kill -9 silo-1: {load.Summary()}; restarted {restarted.TotalSeconds:F1} s after the load");

        await load.VerifyAsync(board, company);
        AssertOnlyUnavailableOrNoAnswer(load);
        Assert.True(load.Outage < TimeSpan.FromSeconds(10), load.Summary());
        Assert.True(load.Outcomes.Max(o => o.Took) < TimeSpan.FromSeconds(30), load.Summary());
        Assert.Contains($"silo-1 (pid {killed}) exited with code 137; restarting it", System.Output);
    }

    [Fact]
    public async Task KilledProcessServingHttpComesBackByItselfAndLosesNothing()
    {
        var (load, killed, board, company) = await UnderLoadAsync(() => System.SignalSiloAsync(0, "KILL"));
        var back = await System.WaitUntilEverySiloServesAsync(RestartTimeout);
        output.WriteLine($"kill -9 silo-0: {load.Summary()}; all {SupervisedCluster.Silos} serving HTTP again {back.TotalSeconds:F1} s after the load");

        Assert.NotEqual(killed, System.SiloPid(0));
        await load.VerifyAsync(board, company);
        AssertOnlyUnavailableOrNoAnswer(load);
        Assert.True(load.Outage < TimeSpan.FromSeconds(10), load.Summary());
    }

    [Fact]
    public async Task DatabaseGoneForSecondsAnswers503NeverA500AndRecoversWithoutARestart()
    {
        await System.WaitUntilEverySiloServesAsync(RestartTimeout);
        var pids = Enumerable.Range(0, SupervisedCluster.Silos).Select(System.SiloPid).ToList();
        var (load, _, board, company) = await UnderLoadAsync(async () =>
        {
            await cluster.Database.SetReachableAsync(false);
            await Task.Delay(TimeSpan.FromSeconds(4));
            await cluster.Database.SetReachableAsync(true);
            return 0;
        });
        output.WriteLine($"database unreachable for 4 s: {load.Summary()}");

        Assert.Contains(load.Outcomes, o => o.Status == HttpStatusCode.ServiceUnavailable);
        foreach (var failure in load.Failures)
        {
            Assert.True(failure.Status == HttpStatusCode.ServiceUnavailable, $"{failure.Status} {failure.Text}");
            Assert.Contains("retry", failure.Text);
        }
        Assert.True(load.Outage < TimeSpan.FromSeconds(4 + 10), load.Summary());
        Assert.Equal(pids, Enumerable.Range(0, SupervisedCluster.Silos).Select(System.SiloPid));
        await load.VerifyAsync(board, company);
    }

    [Fact]
    public async Task GracefulStopOfOneSiloUnderLoadCompletesEveryServedRequestWithoutA5xx()
    {
        var (load, stopped, board, company) = await UnderLoadAsync(() => System.SignalSiloAsync(2, "TERM"));
        await System.WaitForRestartAsync(2, stopped, RestartTimeout);
        output.WriteLine($"SIGTERM silo-2: {load.Summary()}");

        // No 5xx and no request cut while being served. A connection the stopping process had
        // accepted into its listen queue but not yet taken is reset when the listener closes
        // (SO_REUSEPORT gives each process its own queue): such a request fails at once, unserved.
        Assert.DoesNotContain(load.Outcomes, o => o.Status is { } status && (int)status >= 500);
        var cut = load.Failures.ToList();
        Assert.True(cut.Count <= 3 && cut.All(o => o.Took < TimeSpan.FromMilliseconds(500)), load.Summary());
        await load.VerifyAsync(board, company);
        Assert.Contains($"silo-2 (pid {stopped}) exited with code 0; restarting it", System.Output);
    }

    [Fact]
    public async Task EverySiloOpensItsDatabaseConnectionsAheadOfLoad()
    {
        await System.WaitUntilEverySiloServesAsync(RestartTimeout);
        var clock = Stopwatch.StartNew();
        bool AllWarmed() => Enumerable.Range(0, SupervisedCluster.Silos).All(silo => Regex.IsMatch(System.Output,
            $@"\[silo-{silo}\].*Opened {2 * UpScript.WarmConnections} database connections ahead of load"));
        while (!AllWarmed() && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }
        Assert.True(AllWarmed(), System.Output[^Math.Min(4000, System.Output.Length)..]);
    }

    /// <summary>
    /// Once every silo serves, runs the mixed load for a fresh company and does
    /// <paramref name="disturb"/> a few seconds in; returns the load and what the disturbance returned (a pid).
    /// </summary>
    private async Task<(MixedWriteLoad Load, int Pid, ApiClient Board, Guid Company)> UnderLoadAsync(Func<Task<int>> disturb)
    {
        await System.WaitUntilEverySiloServesAsync(RestartTimeout);
        var (board, company, first, second) = await cluster.TenantAsync();
        var pid = 0;
        var load = await MixedWriteLoad.RunAsync(System, company, first, second, LoadDuration, DisturbAfter, async () => pid = await disturb());
        return (load, pid, board, company);
    }

    /// <summary>A dying process may cut connections or answer 503 (nothing acknowledged); never a 500.</summary>
    private static void AssertOnlyUnavailableOrNoAnswer(MixedWriteLoad load)
    {
        foreach (var failure in load.Failures)
        {
            Assert.True(failure.Status is null or HttpStatusCode.ServiceUnavailable, $"{failure.Status} {failure.Text}");
        }
    }
}
