using System.Text.Json;

namespace Paperclip.Grains.Wakeups;

/// <summary>The JSON a webhook receives for one wakeup (the names of <c>GET /api/agents/{id}/wakeups</c>).</summary>
public sealed record WebhookBody(
    Guid Id, Guid CompanyId, Guid AgentId, string Source, string TriggerDetail, string? Reason,
    Guid? IssueId, Guid? CommentId, JsonElement? Payload, Guid? RunId, DateTime RequestedAt)
{
    public static WebhookBody From(WakeupRequest request) => new(
        request.Id, request.CompanyId, request.AgentId, request.Source, request.TriggerDetail, request.Reason,
        request.IssueId, request.CommentId,
        request.PayloadJson is null ? null : JsonDocument.Parse(request.PayloadJson).RootElement.Clone(),
        request.RunId, request.RequestedAt);
}
