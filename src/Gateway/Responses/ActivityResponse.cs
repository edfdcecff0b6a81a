using System.Text.Json;
using Paperclip.Gateway.Http;
using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>
/// An activity entry (reference §2.9), plus <c>seq</c>: its place in the log, the cursor of
/// <c>before</c> and the id of its live event.
/// </summary>
public sealed record ActivityResponse(
    Guid Id, Guid CompanyId, string ActorType, string ActorId, string Action, string EntityType, string EntityId,
    Guid? AgentId, Guid? RunId, JsonElement? Details, DateTime CreatedAt, long Seq);

public static class ActivityResponses
{
    public static ActivityResponse ToResponse(this ActivityEntry entry) => new(
        entry.Id, entry.CompanyId, entry.ActorType, entry.ActorId, entry.Action, entry.EntityType, entry.EntityId,
        entry.AgentId, entry.RunId, ApiJson.Raw(entry.DetailsJson), entry.CreatedAt, entry.Seq);
}
