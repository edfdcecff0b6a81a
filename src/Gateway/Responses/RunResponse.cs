using Paperclip.Gateway.Http;
using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>A heartbeat run as the API shows it.</summary>
public sealed record RunResponse(
    Guid Id, Guid CompanyId, Guid AgentId, string InvocationSource, string? TriggerDetail, string Status,
    DateTime? StartedAt, DateTime? FinishedAt, string? Error, string? Reason, System.Text.Json.JsonElement? Payload,
    DateTime LeaseExpiresAt, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>The <c>activeRun</c> of a list row (reference §2.3).</summary>
public sealed record ActiveRun(
    Guid Id, string Status, Guid AgentId, string InvocationSource, string? TriggerDetail,
    DateTime? StartedAt, DateTime? FinishedAt, DateTime CreatedAt);

public static class RunResponses
{
    public static RunResponse ToResponse(this HeartbeatRun run) => new(
        run.Id, run.CompanyId, run.AgentId, run.InvocationSource, run.TriggerDetail, run.Status, run.StartedAt,
        run.FinishedAt, run.Error, run.Reason, ApiJson.Raw(run.PayloadJson), run.LeaseExpiresAt, run.CreatedAt, run.UpdatedAt);

    public static ActiveRun ToActiveRun(this HeartbeatRun run) => new(
        run.Id, run.Status, run.AgentId, run.InvocationSource, run.TriggerDetail, run.StartedAt, run.FinishedAt, run.CreatedAt);
}
