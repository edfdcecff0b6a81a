namespace Paperclip.Grains;

/// <summary>
/// A validated <c>PUT /api/issues/{id}/documents/{key}</c> (reference §7): the key already
/// normalised, <see cref="BaseRevisionId"/> the revision the writer last read (absent to create).
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.DocumentWrite")]
public sealed record DocumentWrite(
    [property: Id(0)] string Key,
    [property: Id(1)] string? Title,
    [property: Id(2)] string Format,
    [property: Id(3)] string Body,
    [property: Id(4)] string? ChangeSummary,
    [property: Id(5)] Guid? BaseRevisionId);

/// <summary>A document as a write leaves it: its head and the body of its latest revision.</summary>
[GenerateSerializer, Immutable, Alias("paperclip.IssueDocument")]
public sealed record IssueDocument(
    [property: Id(0)] IssueDocumentHead Head,
    [property: Id(1)] string Body);
