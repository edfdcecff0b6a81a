namespace Paperclip.Grains;

/// <summary>
/// The head of one issue document (reference §2.6 <c>documents</c> without its body): which
/// revision is the latest. Kept in the issue's state, so the revision check of a write is one
/// turn of the issue grain; the bodies are rows of <c>document_revision</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.IssueDocumentHead")]
public sealed record IssueDocumentHead
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public string Key { get; init; } = "";
    [Id(2)] public string? Title { get; init; }
    [Id(3)] public string Format { get; init; } = DocumentFormats.Markdown;
    [Id(4)] public Guid LatestRevisionId { get; init; }
    [Id(5)] public int LatestRevisionNumber { get; init; }
    [Id(6)] public Guid? CreatedByAgentId { get; init; }
    [Id(7)] public string? CreatedByUserId { get; init; }
    [Id(8)] public Guid? UpdatedByAgentId { get; init; }
    [Id(9)] public string? UpdatedByUserId { get; init; }
    [Id(10)] public DateTime CreatedAt { get; init; }
    [Id(11)] public DateTime UpdatedAt { get; init; }
}

/// <summary>Document formats (reference §7: only markdown).</summary>
public static class DocumentFormats
{
    public const string Markdown = "markdown";

    public static IReadOnlyList<string> All { get; } = [Markdown];
}
