namespace Paperclip.Grains;

/// <summary>The validated body of an issue create. Defaults are applied by the grain.</summary>
[GenerateSerializer, Immutable, Alias("paperclip.NewIssue")]
public sealed record NewIssue
{
    [Id(0)] public Guid CompanyId { get; init; }
    [Id(1)] public string Title { get; init; } = "";
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public string? Status { get; init; }
    [Id(4)] public string? Priority { get; init; }
    [Id(5)] public Guid? ProjectId { get; init; }
    [Id(6)] public Guid? ProjectWorkspaceId { get; init; }
    [Id(7)] public Guid? GoalId { get; init; }
    [Id(8)] public Guid? ParentId { get; init; }
    [Id(9)] public Guid? AssigneeAgentId { get; init; }
    [Id(10)] public string? AssigneeUserId { get; init; }
    [Id(11)] public int RequestDepth { get; init; }
    [Id(12)] public string? BillingCode { get; init; }
    [Id(13)] public string? AssigneeAdapterOverridesJson { get; init; }
    [Id(14)] public IReadOnlyList<Guid>? LabelIds { get; init; }
}
