using System.Text.Json.Serialization;
using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>An API key as listed: never the token or its hash. <c>token</c> appears only in the create answer.</summary>
public sealed record ApiKeyResponse(
    Guid Id, Guid? AgentId, Guid? CompanyId, string Name, DateTime? LastUsedAt, DateTime? RevokedAt, DateTime CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Token = null);

public static class ApiKeyResponses
{
    public static ApiKeyResponse ToResponse(this ApiKey key, string? token = null) =>
        new(key.Id, key.AgentId, key.CompanyId, key.Name, key.LastUsedAt, key.RevokedAt, key.CreatedAt, token);
}
