namespace Paperclip.Grains;

/// <summary>
/// One row of the activity log (reference §2.9): who did what to which entity. <see cref="Seq"/>
/// is the log's order (a database sequence), the cursor of pages and the id of live events.
/// <see cref="RunId"/> is the actor's run when it was a UUID; it references nothing, so an unknown
/// run can never make a mutation fail.
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.ActivityEntry")]
public sealed record ActivityEntry
{
    [Id(0)] public long Seq { get; init; }
    [Id(1)] public Guid Id { get; init; }
    [Id(2)] public Guid CompanyId { get; init; }
    [Id(3)] public string ActorType { get; init; } = "system";
    [Id(4)] public string ActorId { get; init; } = "";
    [Id(5)] public string Action { get; init; } = "";
    [Id(6)] public string EntityType { get; init; } = "";
    [Id(7)] public string EntityId { get; init; } = "";
    [Id(8)] public Guid? AgentId { get; init; }
    [Id(9)] public Guid? RunId { get; init; }
    /// <summary>The details object as JSON text, or <c>null</c> when the action has none.</summary>
    [Id(10)] public string? DetailsJson { get; init; }
    [Id(11)] public DateTime CreatedAt { get; init; }
}
