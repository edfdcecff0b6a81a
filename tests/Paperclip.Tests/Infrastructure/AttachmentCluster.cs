namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// The system with the default 10 MiB attachment limit and an allow-list that also takes SVG
/// (through an <c>image/*</c> pattern), so tests can check how SVG is served.
/// </summary>
public sealed class AttachmentCluster : ApiCluster
{
    protected override IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        // Short enough for a test to see a stalled upload refused, long enough for 10 MiB on a busy machine.
        ["PAPERCLIP_ATTACHMENT_UPLOAD_SECONDS"] = "20",
        ["PAPERCLIP_ALLOWED_ATTACHMENT_TYPES"] = "image/*, application/pdf, text/plain, text/markdown, text/csv, application/json, text/html, application/octet-stream",
    };
}

[CollectionDefinition(Name)]
public sealed class AttachmentCollection : ICollectionFixture<AttachmentCluster>
{
    public const string Name = "attachments";
}
