using System.Text.Json;
using Paperclip.Gateway.Http;
using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>An agent as the API shows it (reference §2.11): JSON settings as objects, plus <c>urlKey</c>.</summary>
public sealed record AgentResponse(
    Guid Id, Guid CompanyId, string Name, string UrlKey, string Role, string? Title, string? Icon, string Status,
    Guid? ReportsTo, string? Capabilities, string AdapterType, JsonElement? AdapterConfig, JsonElement? RuntimeConfig,
    long BudgetMonthlyCents, long SpentMonthlyCents, string? PauseReason, DateTime? PausedAt, JsonElement? Permissions,
    DateTime? LastHeartbeatAt, JsonElement? Metadata, DateTime CreatedAt, DateTime UpdatedAt);

public static class AgentResponses
{
    public static AgentResponse ToResponse(this Agent agent) => new(
        agent.Id, agent.CompanyId, agent.Name, UrlKeys.From(agent.Name, agent.Id), agent.Role, agent.Title, agent.Icon,
        agent.Status, agent.ReportsTo, agent.Capabilities, agent.AdapterType, ApiJson.Raw(agent.AdapterConfigJson),
        ApiJson.Raw(agent.RuntimeConfigJson), agent.BudgetMonthlyCents, agent.SpentMonthlyCents, agent.PauseReason,
        agent.PausedAt, ApiJson.Raw(agent.PermissionsJson), agent.LastHeartbeatAt, ApiJson.Raw(agent.MetadataJson),
        agent.CreatedAt, agent.UpdatedAt);
}
