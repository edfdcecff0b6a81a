namespace Paperclip.Grains;

/// <summary>A project of a company; <see cref="PausedAt"/> blocks checkout of its issues.</summary>
[GenerateSerializer, Alias("paperclip.Project")]
public sealed record Project : ITimestamped, ICompanyOwned
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public Guid CompanyId { get; init; }
    [Id(2)] public Guid? GoalId { get; init; }
    [Id(3)] public string Name { get; init; } = "";
    [Id(4)] public string? Description { get; init; }
    [Id(5)] public string Status { get; init; } = "backlog";
    [Id(6)] public Guid? LeadAgentId { get; init; }
    [Id(7)] public string? TargetDate { get; init; }
    [Id(8)] public string? Color { get; init; }
    [Id(9)] public string? PauseReason { get; init; }
    [Id(10)] public DateTime? PausedAt { get; init; }
    [Id(11)] public DateTime? ArchivedAt { get; init; }
    [Id(12)] public IReadOnlyList<Guid> GoalIds { get; init; } = [];
    [Id(13)] public DateTime CreatedAt { get; init; }
    [Id(14)] public DateTime UpdatedAt { get; init; }
}
