namespace Paperclip.Grains;

/// <summary>Who an API key authenticates: an agent (<c>pcp_…</c>) or the board (<c>pcb_…</c>).</summary>
public static class ApiKeyKinds
{
    public const string Agent = "agent";
    public const string Board = "board";
}

/// <summary>
/// A stored API key. Only the SHA-256 of the token is kept; the token itself is shown once, at
/// creation. <see cref="LastUsedAt"/> is persisted at most once a minute (a write per request
/// would double the cost of every authenticated call).
/// </summary>
[GenerateSerializer, Alias("paperclip.ApiKey")]
public sealed record ApiKey
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public string Kind { get; init; } = ApiKeyKinds.Agent;
    [Id(2)] public Guid? AgentId { get; init; }
    [Id(3)] public Guid? CompanyId { get; init; }
    [Id(4)] public string Name { get; init; } = "";
    [Id(5)] public string KeyHash { get; init; } = "";
    [Id(6)] public DateTime? LastUsedAt { get; init; }
    [Id(7)] public DateTime? RevokedAt { get; init; }
    [Id(8)] public DateTime CreatedAt { get; init; }
}
