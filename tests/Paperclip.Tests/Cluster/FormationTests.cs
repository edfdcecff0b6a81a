using Paperclip.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Paperclip.Tests.Cluster;

/// <summary>
/// What <c>deploy/up.sh --silos 3</c> relies on: separate silo processes on one database join one
/// cluster through the membership table, and a client finds all of them.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FormationTests(ITestOutputHelper output)
{
    private const string ClusterId = "paperclip";
    private static readonly TimeSpan FormationTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task ThreeSiloProcessesFormOneClusterOfThreeActiveMembers()
    {
        var database = await TestDatabase.CreateAsync();
        await using var silo0 = SiloProcess.Start(database.Url, ClusterId, "silo-0", withHttp: false);
        await using var silo1 = SiloProcess.Start(database.Url, ClusterId, "silo-1", withHttp: false);
        await using var silo2 = SiloProcess.Start(database.Url, ClusterId, "silo-2", withHttp: false);

        var formed = await ClusterMembership.WaitForAsync(database, ClusterId, ClusterMembership.Active, 3, FormationTimeout, [silo0, silo1, silo2]);
        output.WriteLine($"3 silos Active in the membership table {formed.TotalSeconds:F2} s after spawn");

        Assert.Equal("silo-0,silo-1,silo-2", await ClusterMembership.NamesAsync(database, ClusterId, ClusterMembership.Active));
        await using var client = await ClusterClientHost.StartAsync(database, ClusterId);
        var hosts = await client.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(new[] { silo0.SiloPort, silo1.SiloPort, silo2.SiloPort }.Order(), hosts.Keys.Select(silo => silo.Endpoint.Port).Order());
    }
}
