using System.Text.Json;
using Paperclip.Gateway.Http;
using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>A wakeup request as <c>GET /api/agents/{id}/wakeups</c> shows it (reference §2.10 names).</summary>
public sealed record WakeupResponse(
    Guid Id, Guid CompanyId, Guid AgentId, string Source, string TriggerDetail, string? Reason, JsonElement? Payload,
    string Status, Guid? IssueId, Guid? CommentId, string? RequestedByActorType, string? RequestedByActorId, Guid? RunId,
    string? Error, DateTime RequestedAt, DateTime UpdatedAt, DateTime? FinishedAt, WebhookDeliveryResponse? Delivery);

/// <summary>
/// How the webhook delivery of a wakeup stands (<c>null</c> for agents without a webhook). The URL
/// itself is not repeated: it may carry a secret, and the agent's <c>adapterConfig</c> has it.
/// </summary>
public sealed record WebhookDeliveryResponse(int Attempts, DateTime? NextAttemptAt, string? LastError);

public static class WakeupResponses
{
    public static WakeupResponse ToResponse(this WakeupRequest request) => new(
        request.Id, request.CompanyId, request.AgentId, request.Source, request.TriggerDetail, request.Reason,
        ApiJson.Raw(request.PayloadJson), request.Status, request.IssueId, request.CommentId,
        request.RequestedByActorType, request.RequestedByActorId, request.RunId, request.Error,
        request.RequestedAt, request.UpdatedAt, request.FinishedAt,
        request.WebhookUrl is null ? null : new WebhookDeliveryResponse(
            request.Attempts, request.Status == WakeupStatuses.Queued ? request.NextAttemptAt : null, request.LastError));
}
