using System.Text.Json;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Journal;

/// <summary>Builds activity rows (reference §2.9, §9) for an actor's action.</summary>
public static class Activities
{
    public const string IssueEntity = "issue";

    /// <summary>
    /// A row for <paramref name="action"/> by <paramref name="actor"/>. The run id is kept only when
    /// it is a UUID: the log never refuses a mutation because of the caller's run header.
    /// </summary>
    public static ActivityEntry Of(Actor actor, Guid companyId, string action, string entityType, Guid entityId,
        IReadOnlyDictionary<string, object?>? details, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        CompanyId = companyId,
        ActorType = actor.IsAgent ? "agent" : "user",
        ActorId = actor.IsAgent ? actor.AgentId!.Value.ToString() : actor.UserId ?? "board",
        Action = action,
        EntityType = entityType,
        EntityId = entityId.ToString(),
        AgentId = actor.IsAgent ? actor.AgentId : null,
        RunId = actor.RunGuid,
        DetailsJson = details is null ? null : JsonSerializer.Serialize(details, GrainStateJson.Options),
        CreatedAt = now,
    };

    /// <summary>A row about an issue (entity <c>issue</c>).</summary>
    public static ActivityEntry OfIssue(Actor actor, Issue issue, string action, IReadOnlyDictionary<string, object?>? details, DateTime now) =>
        Of(actor, issue.CompanyId, action, IssueEntity, issue.Id, details, now);
}
