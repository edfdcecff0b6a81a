namespace Paperclip.Grains.Runs;

/// <summary>How long a heartbeat run stays live without a request carrying its id (default 10 minutes).</summary>
public sealed class RunLeaseOptions
{
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often each silo looks for runs whose lease ran out while no activation watched them.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
