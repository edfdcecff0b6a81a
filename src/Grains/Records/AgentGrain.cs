using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Paperclip.Grains.Runs;
using Paperclip.Grains.Storage;
using Paperclip.Grains.Wakeups;

namespace Paperclip.Grains.Records;

/// <summary>
/// An agent: its profile and status, and the registration of runs it names itself
/// (AgentGrain.Runs.cs). Its wakeups are rows of their own table, not state.
/// </summary>
[GrainType("agent")]
public sealed partial class AgentGrain(
    [PersistentState(StorageNames.Agent, StorageNames.GrainStorage)] IPersistentState<Agent> state,
    IOptions<RunLeaseOptions> runOptions,
    WakeupStore wakeups)
    : RecordGrain<Agent>(state), IAgentGrain
{
    private readonly int _maxLiveRuns = runOptions.Value.MaxLiveRunsPerAgent;

    protected override string NotFoundMessage => "Agent not found";

    protected override Agent WithUpdatedAt(Agent record, DateTime updatedAt) => record with { UpdatedAt = updatedAt };

    public async Task<Reply<WakeupRequest>> RecordWakeupAsync(WakeupRequest request)
    {
        if (!Exists)
        {
            return Reply<WakeupRequest>.Fail(ReplyStatus.NotFound, NotFoundMessage);
        }
        var addressed = WakeupAddressing.For(State.State, request with { AgentId = State.State.Id, CompanyId = State.State.CompanyId });
        await wakeups.InsertAsync([addressed]);
        return Reply<WakeupRequest>.Created(addressed);
    }
}
