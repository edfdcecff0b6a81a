namespace Paperclip.Grains;

/// <summary>An agent's profile and status, the gate for runs it names itself, and the wakeups addressed to it directly.</summary>
[Alias("paperclip.IAgentGrain")]
public interface IAgentGrain : IRecordGrain<Agent>
{
    /// <summary>
    /// Registers a run id the agent presented and the server has not seen, as the agent's running
    /// run — unless the agent already has the configured maximum of queued/running runs: then 429
    /// <c>Too many live runs for this agent</c> with <c>details {agentId, liveRuns, maxLiveRuns}</c>.
    /// An id that exists by now is renewed as <see cref="IHeartbeatRunGrain.TouchAsync"/> does.
    /// </summary>
    [SafeToRepeat, Alias("register-run")]
    Task<Reply<HeartbeatRun>> RegisterRunAsync(Guid runId);
    /// Stores a wakeup request for this agent (durable before the reply): <c>queued</c>, with the
    /// agent's webhook when it has one, or <c>skipped</c> when the agent cannot be invoked now.
    /// NotFound when the agent does not exist.
    /// </summary>
    [Alias("record-wakeup")]
    Task<Reply<WakeupRequest>> RecordWakeupAsync(WakeupRequest request);
}
