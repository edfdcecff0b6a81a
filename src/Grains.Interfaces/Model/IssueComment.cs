namespace Paperclip.Grains;

/// <summary>
/// A comment on an issue (reference §2.5). Append-only, kept in its own table rather than in the
/// issue's state, so an issue with thousands of comments writes as little per checkout as a new one.
/// Exactly one author field is set: the agent or the board user who wrote it.
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.IssueComment")]
public sealed record IssueComment
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public Guid CompanyId { get; init; }
    [Id(2)] public Guid IssueId { get; init; }
    [Id(3)] public Guid? AuthorAgentId { get; init; }
    [Id(4)] public string? AuthorUserId { get; init; }
    [Id(5)] public string Body { get; init; } = "";
    [Id(6)] public DateTime CreatedAt { get; init; }
    [Id(7)] public DateTime UpdatedAt { get; init; }
}
