namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// The system with quick webhook delivery: two-second attempts, three of them, 0.2 s backoff and
/// polling, so delivery and give-up tests take seconds.
/// </summary>
public sealed class WebhookCluster : ApiCluster
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);
    public const int Attempts = 3;

    protected override IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["PAPERCLIP_WEBHOOK_TIMEOUT_SECONDS"] = AttemptTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PAPERCLIP_WEBHOOK_ATTEMPTS"] = Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PAPERCLIP_WEBHOOK_RETRY_SECONDS"] = "0.2",
        ["PAPERCLIP_WEBHOOK_POLL_SECONDS"] = "0.2",
    };
}

[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookCluster>
{
    public const string Name = "webhook";
}
