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
}
