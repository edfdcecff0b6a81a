namespace Paperclip.Grains;

/// <summary>A goal of a company; root company-level goals feed the issue goal fallback.</summary>
[GenerateSerializer, Alias("paperclip.Goal")]
public sealed record Goal : ITimestamped, ICompanyOwned
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public Guid CompanyId { get; init; }
    [Id(2)] public string Title { get; init; } = "";
    [Id(3)] public string? Description { get; init; }
    [Id(4)] public string Level { get; init; } = "task";
    [Id(5)] public string Status { get; init; } = "planned";
    [Id(6)] public Guid? ParentId { get; init; }
    [Id(7)] public Guid? OwnerAgentId { get; init; }
    [Id(8)] public DateTime CreatedAt { get; init; }
    [Id(9)] public DateTime UpdatedAt { get; init; }
}
