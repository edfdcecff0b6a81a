using Orleans.Runtime;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Records;

/// <summary>A project record.</summary>
[GrainType("project")]
public sealed class ProjectGrain(
    [PersistentState(StorageNames.Project, StorageNames.GrainStorage)] IPersistentState<Project> state)
    : RecordGrain<Project>(state), IProjectGrain
{
    protected override string NotFoundMessage => "Project not found";

    protected override Project WithUpdatedAt(Project record, DateTime updatedAt) => record with { UpdatedAt = updatedAt };
}
