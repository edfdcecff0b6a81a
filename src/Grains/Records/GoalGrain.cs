using Orleans.Runtime;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Records;

/// <summary>A goal record.</summary>
[GrainType("goal")]
public sealed class GoalGrain(
    [PersistentState(StorageNames.Goal, StorageNames.GrainStorage)] IPersistentState<Goal> state)
    : RecordGrain<Goal>(state), IGoalGrain
{
    protected override string NotFoundMessage => "Goal not found";

    protected override Goal WithUpdatedAt(Goal record, DateTime updatedAt) => record with { UpdatedAt = updatedAt };
}
