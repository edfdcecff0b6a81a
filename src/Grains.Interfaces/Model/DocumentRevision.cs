namespace Paperclip.Grains;

/// <summary>
/// One revision of an issue document (reference §2.6 <c>document_revisions</c>). Append-only:
/// revision n+1 is written before the document's head points at it, and never changed after.
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.DocumentRevision")]
public sealed record DocumentRevision
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public Guid CompanyId { get; init; }
    [Id(2)] public Guid DocumentId { get; init; }
    [Id(3)] public Guid IssueId { get; init; }
    [Id(4)] public string Key { get; init; } = "";
    [Id(5)] public int RevisionNumber { get; init; }
    [Id(6)] public string? Title { get; init; }
    [Id(7)] public string Format { get; init; } = DocumentFormats.Markdown;
    [Id(8)] public string Body { get; init; } = "";
    [Id(9)] public string? ChangeSummary { get; init; }
    [Id(10)] public Guid? CreatedByAgentId { get; init; }
    [Id(11)] public string? CreatedByUserId { get; init; }
    [Id(12)] public DateTime CreatedAt { get; init; }
}
