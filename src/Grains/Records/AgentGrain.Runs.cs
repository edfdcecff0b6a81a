namespace Paperclip.Grains.Records;

/// <summary>
/// Runs an agent names itself (an unseen <c>X-Paperclip-Run-Id</c>) are registered here, one at a
/// time in the agent's turn: the count of its active runs and the registration cannot interleave
/// with another registration of the same agent on any gateway, so the cap is exact.
/// </summary>
public sealed partial class AgentGrain
{
    public const string TooManyLiveRuns = "Too many live runs for this agent";

    public async Task<Reply<HeartbeatRun>> RegisterRunAsync(Guid runId)
    {
        if (!Exists)
        {
            return Reply<HeartbeatRun>.Fail(ReplyStatus.NotFound, NotFoundMessage);
        }
        var agent = State.State;
        var active = await GrainFactory.GetGrain<IQueryGrain>(0).CountActiveRunsAsync(agent.Id);
        // At the cap the run grain may still renew the id (a racing request registered it
        // meanwhile, or it is another agent's: 409); only a new registration is refused.
        var touched = await GrainFactory.GetGrain<IHeartbeatRunGrain>(runId).TouchAsync(agent.Id, agent.CompanyId, mayRegister: active < _maxLiveRuns);
        return touched.Status == ReplyStatus.NotFound
            ? Reply<HeartbeatRun>.Fail(ReplyStatus.TooManyRequests, TooManyLiveRuns,
                $$"""{"agentId":"{{agent.Id}}","liveRuns":{{active}},"maxLiveRuns":{{_maxLiveRuns}}}""")
            : touched;
    }
}
