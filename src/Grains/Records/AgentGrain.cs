using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Paperclip.Grains.Runs;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Records;

/// <summary>An agent: its profile and status, and the registration of runs it names itself (AgentGrain.Runs.cs).</summary>
[GrainType("agent")]
public sealed partial class AgentGrain(
    [PersistentState(StorageNames.Agent, StorageNames.GrainStorage)] IPersistentState<Agent> state,
    IOptions<RunLeaseOptions> runOptions)
    : RecordGrain<Agent>(state), IAgentGrain
{
    private readonly int _maxLiveRuns = runOptions.Value.MaxLiveRunsPerAgent;

    protected override string NotFoundMessage => "Agent not found";

    protected override Agent WithUpdatedAt(Agent record, DateTime updatedAt) => record with { UpdatedAt = updatedAt };
}
