namespace Paperclip.Tests.Infrastructure;

/// <summary>The system with a two-second run lease and a one-second sweep, so lease tests take seconds, not minutes.</summary>
public sealed class ShortLeaseCluster : ApiCluster
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    protected override IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["PAPERCLIP_RUN_LEASE_SECONDS"] = Lease.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PAPERCLIP_RUN_SWEEP_SECONDS"] = "1",
    };
}

[CollectionDefinition(Name)]
public sealed class ShortLeaseCollection : ICollectionFixture<ShortLeaseCluster>
{
    public const string Name = "short-lease";
}
