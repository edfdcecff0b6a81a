using System.Net;
using System.Net.NetworkInformation;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Cluster;

public sealed class ListenAddressTests
{
    [Fact]
    public async Task LocalTrustedModeRefusesToListenBeyondLoopback()
    {
        var database = await TestDatabase.CreateAsync();
        await using var silo = SiloProcess.Start(database.Url, $"listen-{Guid.NewGuid():N}", "silo-x", withHttp: true,
            new Dictionary<string, string> { ["PAPERCLIP_LISTEN_HOST"] = "0.0.0.0" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.WaitForHttpAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("local_trusted mode serves only on loopback", error.Message);
    }

    [Fact]
    public async Task SiloAndGatewayPortsListenOnlyOnTheAdvertisedAddress()
    {
        var database = await TestDatabase.CreateAsync();
        await using var silo = SiloProcess.Start(database.Url, $"listen-{Guid.NewGuid():N}", "silo-x", withHttp: false);
        // Orleans has no authentication: on 0.0.0.0 anyone on the network could join the cluster.
        Assert.Equal([IPAddress.Loopback], await ListenersAsync(silo, silo.Ports.Silo));
        Assert.Equal([IPAddress.Loopback], await ListenersAsync(silo, silo.Ports.Gateway));
    }

    private static async Task<IPAddress[]> ListenersAsync(SiloProcess silo, int port)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !silo.HasExited)
        {
            var addresses = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners()
                .Where(endpoint => endpoint.Port == port).Select(endpoint => endpoint.Address).ToArray();
            if (addresses.Length > 0)
            {
                return addresses;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Nothing listened on port {port}:\n{silo.Output}");
    }
}
