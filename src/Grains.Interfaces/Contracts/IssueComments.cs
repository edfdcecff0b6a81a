namespace Paperclip.Grains;

/// <summary>A validated <c>POST /api/issues/{id}/comments</c> body (reference §4.9).</summary>
[GenerateSerializer, Immutable, Alias("paperclip.NewComment")]
public sealed record NewComment(
    [property: Id(0)] string Body,
    [property: Id(1)] bool Reopen,
    [property: Id(2)] bool Interrupt);

/// <summary>The answer of a PATCH: the issue, and the comment it added when the body had one.</summary>
[GenerateSerializer, Immutable, Alias("paperclip.IssueUpdate")]
public sealed record IssueUpdate(
    [property: Id(0)] Issue Issue,
    [property: Id(1)] IssueComment? Comment);

/// <summary>
/// One page of an issue's comments, ordered by (createdAt, id): newest first unless
/// <see cref="Ascending"/>; with an anchor, only the comments strictly after it in that order.
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.CommentPage")]
public sealed record CommentPage(
    [property: Id(0)] Guid IssueId,
    [property: Id(1)] Guid? AfterCommentId,
    [property: Id(2)] bool Ascending,
    [property: Id(3)] int? Limit);

/// <summary>
/// A page of a company's activity log. Newest first (descending <c>seq</c>) below
/// <see cref="BeforeSeq"/>; or, for live events, oldest first above <see cref="AfterSeq"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.ActivityQuery")]
public sealed record ActivityQuery
{
    [Id(0)] public Guid CompanyId { get; init; }
    [Id(1)] public Guid? AgentId { get; init; }
    [Id(2)] public string? EntityType { get; init; }
    [Id(3)] public string? EntityId { get; init; }
    [Id(4)] public long? BeforeSeq { get; init; }
    [Id(5)] public long? AfterSeq { get; init; }
    [Id(6)] public int Limit { get; init; } = 100;
}
