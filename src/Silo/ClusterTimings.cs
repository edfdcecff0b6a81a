using Orleans.Configuration;

namespace Paperclip.Silo;

/// <summary>
/// Membership timings for one machine and for tests: a killed silo is declared dead in about a
/// second (a refused probe on loopback fails at once) instead of Orleans' 10–20 s defaults.
/// On a loaded multi-host production cluster use the defaults (<c>PAPERCLIP_FAST_FAILOVER=false</c>):
/// short probe timeouts turn GC pauses into false evictions.
/// </summary>
public static class ClusterTimings
{
    public static void FastFailover(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 2;
        options.NumVotesForDeathDeclaration = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(20);
    }
}
