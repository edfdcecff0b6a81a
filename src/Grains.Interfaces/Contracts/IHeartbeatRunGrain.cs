namespace Paperclip.Grains;

/// <summary>
/// One heartbeat run and its lease. A leaf grain: it never calls other grains, so issue grains can
/// ask it about liveness inside their turns without any risk of a call cycle.
/// </summary>
[Alias("paperclip.IHeartbeatRunGrain")]
public interface IHeartbeatRunGrain : IGrainWithGuidKey
{
    /// <summary>Creates a queued run (a wakeup). Conflict if the id is taken.</summary>
    [Alias("queue")]
    Task<Reply<HeartbeatRun>> QueueAsync(HeartbeatRun run);

    /// <summary>The run (an expired lease already shown as <c>timed_out</c>), or <c>null</c>.</summary>
    [SafeToRepeat, Alias("get")]
    Task<HeartbeatRun?> GetAsync();

    /// <summary>
    /// A request of <paramref name="agentId"/> carried this run id: moves queued → running, renews
    /// a live lease, and registers an unseen id as that agent's running run — only when
    /// <paramref name="mayRegister"/>, else an unseen id is 404 <c>Heartbeat run not found</c>
    /// (the agent grain decides, under its cap of live runs). 409 <c>Run belongs to another agent</c>
    /// when the id is another agent's. A finished run stays finished (and is not live).
    /// </summary>
    [SafeToRepeat, Alias("touch")]
    Task<Reply<HeartbeatRun>> TouchAsync(Guid agentId, Guid companyId, bool mayRegister);

    /// <summary>Finishes a live run with succeeded/failed/cancelled. 404 unknown, 409 already finished.</summary>
    [Alias("finish")]
    Task<Reply<HeartbeatRun>> FinishAsync(string status, string? error);
}
