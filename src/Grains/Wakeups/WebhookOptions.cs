namespace Paperclip.Grains.Wakeups;

/// <summary>How wakeups are POSTed to agents' webhooks.</summary>
public sealed class WebhookOptions
{
    /// <summary>Attempts per wakeup before it is marked <c>failed</c>.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The whole of one attempt: connect, send, and the response's status line.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after the first failed attempt; it doubles after each further failure.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often each silo looks for due wakeups when the outbox was empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many wakeups one silo claims (and sends in parallel) at a time.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// How long a claim keeps other silos away: well past an attempt's timeout, so only a silo that
    /// died (or stalled) mid-delivery loses its claim.
    /// </summary>
    public TimeSpan ClaimLease => Timeout * 2 + TimeSpan.FromSeconds(10);

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt: exponential, at most ten minutes.</summary>
    public TimeSpan DelayAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(RetryDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20)), TimeSpan.FromMinutes(10).Ticks));
}
