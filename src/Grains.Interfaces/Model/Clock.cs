namespace Paperclip.Grains;

/// <summary>
/// Timestamps as the API shows them: UTC, truncated to milliseconds, so a value in memory equals
/// the value stored and returned (no sub-millisecond drift between a reply and a later read).
/// </summary>
public static class Clock
{
    public static DateTime Truncate(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    public static DateTime UtcNow(this TimeProvider time) => Truncate(time.GetUtcNow());
}
