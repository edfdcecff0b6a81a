using System.Diagnostics.Metrics;

namespace Paperclip.Grains.Telemetry;

/// <summary>
/// Our own counters, recorded in the silo where the deciding grain or outbox worker runs (so a
/// cluster's total is the sum over its silos). Tags are only small fixed sets of words: never a
/// company, agent, issue or run id, which would make one series per record and expose tenants.
/// </summary>
public static class PaperclipMetrics
{
    public const string MeterName = "Paperclip";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Checkouts = Meter.CreateCounter<long>(
        "paperclip.checkouts", "{checkout}", "Checkout attempts that claimed an issue (outcome=won) or got a checkout conflict (outcome=lost).");

    private static readonly Counter<long> WakeupsQueued = Meter.CreateCounter<long>(
        "paperclip.wakeups.queued", "{wakeup}", "Wakeup requests stored as queued for an agent.");

    private static readonly Counter<long> WakeupsDelivered = Meter.CreateCounter<long>(
        "paperclip.wakeups.delivered", "{wakeup}", "Wakeups an agent's webhook accepted (2xx).");

    private static readonly Counter<long> WakeupsFailed = Meter.CreateCounter<long>(
        "paperclip.wakeups.failed", "{wakeup}", "Wakeups marked failed after their last webhook attempt.");

    private static readonly Counter<long> RunLeasesExpired = Meter.CreateCounter<long>(
        "paperclip.run_leases.expired", "{run}", "Heartbeat runs that timed out because their lease ran out.");

    public static void CheckoutWon() => Checkouts.Add(1, new KeyValuePair<string, object?>("outcome", "won"));

    /// <summary>A checkout conflict; <paramref name="reason"/> is one of the fixed conflict reasons.</summary>
    public static void CheckoutLost(string reason) => Checkouts.Add(1,
        new KeyValuePair<string, object?>("outcome", "lost"), new KeyValuePair<string, object?>("reason", reason));

    public static void WakeupQueued(int count) => WakeupsQueued.Add(count);

    public static void WakeupDelivered() => WakeupsDelivered.Add(1);

    public static void WakeupFailed() => WakeupsFailed.Add(1);

    public static void RunLeaseExpired() => RunLeasesExpired.Add(1);
}
