using Npgsql;
using Paperclip.Gateway.Hosting;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Cluster;

public sealed class SiloLogTests
{
    [Fact]
    public async Task SiloLogShowsNoDatabasePassword()
    {
        var database = await TestDatabase.CreateAsync();
        await using var silo = SiloProcess.Start(database.Url, $"log-{Guid.NewGuid():N}", "silo-x", withHttp: true);
        await silo.WaitForHttpAsync(TimeSpan.FromSeconds(60));
        var password = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(database.Url)).Password;
        Assert.False(string.IsNullOrEmpty(password), "the test database URL has no password");
        // Orleans prints its options, connection strings among them, when the silo starts.
        Assert.Contains("ConnectionString", silo.Output);
        Assert.DoesNotContain(password, silo.Output);
    }
}
