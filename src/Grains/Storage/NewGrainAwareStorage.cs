using Orleans.Storage;

namespace Paperclip.Grains.Storage;

/// <summary>
/// The grain storage grains see: the rows provider, except that the activation of a grain whose
/// key its caller just made up (<see cref="NewGrainHint"/>) starts empty without a read.
/// </summary>
public sealed class NewGrainAwareStorage(IGrainStorage rows) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        NewGrainHint.IsNew(grainId) ? Task.CompletedTask : rows.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        rows.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        rows.ClearStateAsync(stateName, grainId, grainState);
}
