namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// The system as operators run it: two silo processes on a fresh database, each co-hosting the
/// HTTP API, forming one cluster. <see cref="Api"/> talks to the first, <see cref="ApiB"/> to the
/// second, so tests can send racing requests through two gateways.
/// </summary>
public class ApiCluster : IAsyncLifetime
{
    private readonly List<SiloProcess> _silos = [];

    /// <summary>Extra environment of every silo (deployment mode, secrets).</summary>
    protected virtual IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>();

    /// <summary>Everything the silos printed so far (for "no secret in the logs" checks).</summary>
    public string Logs => string.Join("\n", _silos.Select(silo => silo.Output));

    /// <summary>The silo processes: the first serves <see cref="Api"/>, the second <see cref="ApiB"/>.</summary>
    public IReadOnlyList<SiloProcess> Silos => _silos;

    public TestDatabase Database { get; private set; } = null!;
    /// <summary>The Orleans cluster id, so a test can join the silos as a client and inspect them.</summary>
    public string ClusterId { get; } = $"api-{Guid.NewGuid():N}";
    public ApiClient Api { get; private set; } = null!;
    public ApiClient ApiB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        _silos.Add(SiloProcess.Start(Database.Url, ClusterId, "silo-a", withHttp: true, Environment));
        _silos.Add(SiloProcess.Start(Database.Url, ClusterId, "silo-b", withHttp: true, Environment));
        await Task.WhenAll(_silos.Select(silo => silo.WaitForHttpAsync(TimeSpan.FromSeconds(90))));
        Api = ApiClient.For(_silos[0]);
        ApiB = ApiClient.For(_silos[1]);
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiCluster>
{
    public const string Name = "api";
}
