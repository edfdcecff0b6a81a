using Orleans.Runtime;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Records;

/// <summary>An agent: its profile and status (keys and wakeups arrive with their issues).</summary>
[GrainType("agent")]
public sealed class AgentGrain(
    [PersistentState(StorageNames.Agent, StorageNames.GrainStorage)] IPersistentState<Agent> state)
    : RecordGrain<Agent>(state), IAgentGrain
{
    protected override string NotFoundMessage => "Agent not found";

    protected override Agent WithUpdatedAt(Agent record, DateTime updatedAt) => record with { UpdatedAt = updatedAt };
}
