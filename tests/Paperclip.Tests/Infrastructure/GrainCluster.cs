using Orleans.TestingHost;
using Paperclip.Silo;

namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// An in-process test cluster of two silos hosting the real grains on the real PostgreSQL
/// storage. Shared by the grain test classes; every test uses fresh keys.
/// </summary>
public sealed class GrainCluster : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public IGrainFactory Grains => _cluster.Client;
    public InProcessTestCluster Cluster => _cluster;
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var builder = new InProcessTestClusterBuilder(2);
        var connectionString = Database.ConnectionString;
        builder.ConfigureSilo((_, silo) => silo.UsePaperclipStorage(connectionString));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class GrainCollection : ICollectionFixture<GrainCluster>
{
    public const string Name = "grains";
}
