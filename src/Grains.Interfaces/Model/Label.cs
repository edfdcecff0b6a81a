namespace Paperclip.Grains;

/// <summary>A label of a company (unique name per company).</summary>
[GenerateSerializer, Alias("paperclip.Label")]
public sealed record Label : ITimestamped, ICompanyOwned
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public Guid CompanyId { get; init; }
    [Id(2)] public string Name { get; init; } = "";
    [Id(3)] public string Color { get; init; } = "";
    [Id(4)] public DateTime CreatedAt { get; init; }
    [Id(5)] public DateTime UpdatedAt { get; init; }
}
