namespace Paperclip.Grains;

/// <summary>A company: the tenant that owns agents, projects, goals, labels and issues.</summary>
[GenerateSerializer, Alias("paperclip.Company")]
public sealed record Company : ITimestamped
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public string Status { get; init; } = "active";
    [Id(4)] public string? PauseReason { get; init; }
    [Id(5)] public DateTime? PausedAt { get; init; }
    [Id(6)] public string IssuePrefix { get; init; } = "";
    [Id(7)] public int IssueCounter { get; init; }
    [Id(8)] public long BudgetMonthlyCents { get; init; }
    [Id(9)] public long SpentMonthlyCents { get; init; }
    [Id(10)] public bool RequireBoardApprovalForNewAgents { get; init; }
    [Id(11)] public string? BrandColor { get; init; }
    [Id(12)] public DateTime CreatedAt { get; init; }
    [Id(13)] public DateTime UpdatedAt { get; init; }
}
