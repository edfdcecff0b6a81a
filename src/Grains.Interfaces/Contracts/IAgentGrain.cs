namespace Paperclip.Grains;

/// <summary>An agent's profile and status, and the wakeups addressed to it directly.</summary>
[Alias("paperclip.IAgentGrain")]
public interface IAgentGrain : IRecordGrain<Agent>
{
    /// <summary>
    /// Stores a wakeup request for this agent (durable before the reply): <c>queued</c>, with the
    /// agent's webhook when it has one, or <c>skipped</c> when the agent cannot be invoked now.
    /// NotFound when the agent does not exist.
    /// </summary>
    [Alias("record-wakeup")]
    Task<Reply<WakeupRequest>> RecordWakeupAsync(WakeupRequest request);
}
