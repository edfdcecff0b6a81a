namespace Paperclip.Grains;

/// <summary>An agent of a company. JSON-valued settings are kept as raw JSON text.</summary>
[GenerateSerializer, Alias("paperclip.Agent")]
public sealed record Agent : ITimestamped, ICompanyOwned
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public Guid CompanyId { get; init; }
    [Id(2)] public string Name { get; init; } = "";
    [Id(3)] public string Role { get; init; } = "general";
    [Id(4)] public string? Title { get; init; }
    [Id(5)] public string? Icon { get; init; }
    [Id(6)] public string Status { get; init; } = "idle";
    [Id(7)] public Guid? ReportsTo { get; init; }
    [Id(8)] public string? Capabilities { get; init; }
    [Id(9)] public string AdapterType { get; init; } = "process";
    [Id(10)] public string AdapterConfigJson { get; init; } = "{}";
    [Id(11)] public string RuntimeConfigJson { get; init; } = "{}";
    [Id(12)] public long BudgetMonthlyCents { get; init; }
    [Id(13)] public long SpentMonthlyCents { get; init; }
    [Id(14)] public string? PauseReason { get; init; }
    [Id(15)] public DateTime? PausedAt { get; init; }
    [Id(16)] public string PermissionsJson { get; init; } = "{}";
    [Id(17)] public DateTime? LastHeartbeatAt { get; init; }
    [Id(18)] public string? MetadataJson { get; init; }
    [Id(19)] public DateTime CreatedAt { get; init; }
    [Id(20)] public DateTime UpdatedAt { get; init; }
}
