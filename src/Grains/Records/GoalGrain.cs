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

    /// <summary>The company keeps its default goal; any stored goal may change which one that is.</summary>
    protected override Task OnStoredAsync(Goal goal) =>
        GrainFactory.GetGrain<ICompanyGrain>(goal.CompanyId).GoalsChangedAsync();
}
