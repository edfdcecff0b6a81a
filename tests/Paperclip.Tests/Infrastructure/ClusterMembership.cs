using System.Diagnostics;

namespace Paperclip.Tests.Infrastructure;

/// <summary>Reads the Orleans membership table (<c>cluster_member</c>) that silos write through our provider queries.</summary>
public static class ClusterMembership
{
    /// <summary>Orleans' <c>SiloStatus.Active</c>.</summary>
    public const int Active = 3;

    /// <summary>Orleans' <c>SiloStatus.Dead</c>.</summary>
    public const int Dead = 6;

    public static async Task<int> CountAsync(TestDatabase database, string clusterId, int status) =>
        Convert.ToInt32(await database.ScalarAsync(
            "SELECT count(*) FROM cluster_member WHERE deployment_id = @cluster AND status = @status",
            ("cluster", clusterId), ("status", status)));

    /// <summary>The silo names with that status, sorted, comma-separated.</summary>
    public static async Task<string> NamesAsync(TestDatabase database, string clusterId, int status) =>
        (string?)await database.ScalarAsync(
            "SELECT string_agg(silo_name, ',' ORDER BY silo_name) FROM cluster_member WHERE deployment_id = @cluster AND status = @status",
            ("cluster", clusterId), ("status", status)) ?? "";

    /// <summary>
    /// Waits (bounded) until exactly <paramref name="count"/> members of the cluster have
    /// <paramref name="status"/>, and returns how long that took. Fails early, with the output
    /// of the silos, when one of them exits.
    /// </summary>
    public static async Task<TimeSpan> WaitForAsync(
        TestDatabase database, string clusterId, int status, int count, TimeSpan timeout, IReadOnlyList<SiloProcess> silos)
    {
        var clock = Stopwatch.StartNew();
        var seen = -1;
        while (clock.Elapsed < timeout)
        {
            if (silos.FirstOrDefault(silo => silo.HasExited) is { } exited && status == Active)
            {
                throw new InvalidOperationException($"Silo {exited.Name} exited while the cluster was forming:\n{exited.Output}");
            }
            seen = await CountAsync(database, clusterId, status);
            if (seen == count)
            {
                return clock.Elapsed;
            }
            await Task.Delay(100);
        }
        var outputs = string.Join("\n", silos.Select(silo => $"--- {silo.Name} ---\n{silo.Output}"));
        throw new TimeoutException($"{seen} instead of {count} members with status {status} after {timeout}:\n{outputs}");
    }
}
