namespace Paperclip.Grains;

/// <summary>
/// The issue record: the whole persisted state of an <c>IIssueGrain</c>. Kept small on purpose
/// (comments, revisions and attachments live in append-only tables), and its JSON property names
/// are indexed by the list queries, so renaming a property is a schema change.
/// Immutable: every change builds a new record (<c>with</c>) and no list in it is ever modified,
/// so Orleans may hand the same instance to an in-process caller instead of deep-copying it
/// (a list page of 500 issues was copied on every call).
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.Issue")]
public sealed record Issue : ITimestamped
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public Guid CompanyId { get; init; }
    [Id(2)] public Guid? ProjectId { get; init; }
    [Id(3)] public Guid? ProjectWorkspaceId { get; init; }
    [Id(4)] public Guid? GoalId { get; init; }
    [Id(5)] public Guid? ParentId { get; init; }
    [Id(6)] public string Title { get; init; } = "";
    [Id(7)] public string? Description { get; init; }
    [Id(8)] public string Status { get; init; } = IssueStatuses.Backlog;
    [Id(9)] public string Priority { get; init; } = IssuePriorities.Medium;
    [Id(10)] public Guid? AssigneeAgentId { get; init; }
    [Id(11)] public string? AssigneeUserId { get; init; }
    [Id(12)] public Guid? CheckoutRunId { get; init; }
    [Id(13)] public Guid? ExecutionRunId { get; init; }
    [Id(14)] public string? ExecutionAgentNameKey { get; init; }
    [Id(15)] public DateTime? ExecutionLockedAt { get; init; }
    [Id(16)] public Guid? CreatedByAgentId { get; init; }
    [Id(17)] public string? CreatedByUserId { get; init; }
    [Id(18)] public int IssueNumber { get; init; }
    [Id(19)] public string Identifier { get; init; } = "";
    [Id(20)] public string OriginKind { get; init; } = "manual";
    [Id(21)] public string? OriginId { get; init; }
    [Id(22)] public string? OriginRunId { get; init; }
    [Id(23)] public int RequestDepth { get; init; }
    [Id(24)] public string? BillingCode { get; init; }
    [Id(25)] public string? AssigneeAdapterOverridesJson { get; init; }
    [Id(26)] public DateTime? StartedAt { get; init; }
    [Id(27)] public DateTime? CompletedAt { get; init; }
    [Id(28)] public DateTime? CancelledAt { get; init; }
    [Id(29)] public DateTime? HiddenAt { get; init; }
    [Id(30)] public DateTime CreatedAt { get; init; }
    [Id(31)] public DateTime UpdatedAt { get; init; }
    [Id(32)] public IReadOnlyList<Guid> LabelIds { get; init; } = [];
    /// <summary>The heads of the issue's documents, ordered by key; at most <c>IssueGrain.MaxDocuments</c>.</summary>
    [Id(33)] public IReadOnlyList<IssueDocumentHead> Documents { get; init; } = [];
}
