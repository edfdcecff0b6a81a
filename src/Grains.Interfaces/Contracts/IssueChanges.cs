namespace Paperclip.Grains;

/// <summary>
/// The validated body of an issue PATCH: only the fields that were sent are set. <see cref="Comment"/>
/// adds a comment in the same turn; <see cref="Reopen"/> with it moves a closed issue back to <c>todo</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.IssueChanges")]
public sealed record IssueChanges
{
    [Id(0)] public Change<string>? Title { get; init; }
    [Id(1)] public Change<string?>? Description { get; init; }
    [Id(2)] public Change<string>? Status { get; init; }
    [Id(3)] public Change<string>? Priority { get; init; }
    [Id(4)] public Change<Guid?>? AssigneeAgentId { get; init; }
    [Id(5)] public Change<string?>? AssigneeUserId { get; init; }
    [Id(6)] public Change<Guid?>? ProjectId { get; init; }
    [Id(7)] public Change<Guid?>? ProjectWorkspaceId { get; init; }
    [Id(8)] public Change<Guid?>? GoalId { get; init; }
    [Id(9)] public Change<Guid?>? ParentId { get; init; }
    [Id(10)] public Change<int>? RequestDepth { get; init; }
    [Id(11)] public Change<string?>? BillingCode { get; init; }
    [Id(12)] public Change<string?>? AssigneeAdapterOverridesJson { get; init; }
    [Id(13)] public Change<IReadOnlyList<Guid>>? LabelIds { get; init; }
    [Id(14)] public Change<DateTime?>? HiddenAt { get; init; }
    [Id(15)] public string? Comment { get; init; }
    [Id(16)] public bool Reopen { get; init; }
}
