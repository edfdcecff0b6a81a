namespace Paperclip.Grains.Runs;

/// <summary>Heartbeat run settings: how long a run stays live without a request carrying its id (default 10 minutes), and limits.</summary>
public sealed class RunLeaseOptions
{
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often each silo looks for runs whose lease ran out while no activation watched them.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An agent with this many queued/running runs cannot register another unseen run id, so a
    /// client inventing ids cannot make the server store (and watch) runs without bound.
    /// </summary>
    public int MaxLiveRunsPerAgent { get; set; } = 20;
}
