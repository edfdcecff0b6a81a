namespace Paperclip.Grains;

/// <summary>Heartbeat run statuses (reference §2.1). Live = queued or running with an unexpired lease.</summary>
public static class RunStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string TimedOut = "timed_out";

    /// <summary>The statuses a caller may finish a run with.</summary>
    public static readonly IReadOnlyList<string> Finishing = [Succeeded, Failed, Cancelled];

    public static bool IsActive(string status) => status is Queued or Running;
}

/// <summary>
/// One heartbeat run of an agent: its status and its lease. A run holds issue locks only while it
/// is live; any request carrying its id renews the lease, and an expired lease makes it
/// <c>timed_out</c>, which frees its locks for the next run.
/// </summary>
[GenerateSerializer, Alias("paperclip.HeartbeatRun")]
public sealed record HeartbeatRun : ITimestamped
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public Guid CompanyId { get; init; }
    [Id(2)] public Guid AgentId { get; init; }
    [Id(3)] public string InvocationSource { get; init; } = "on_demand";
    [Id(4)] public string? TriggerDetail { get; init; }
    [Id(5)] public string Status { get; init; } = RunStatuses.Queued;
    [Id(6)] public DateTime? StartedAt { get; init; }
    [Id(7)] public DateTime? FinishedAt { get; init; }
    [Id(8)] public string? Error { get; init; }
    [Id(9)] public string? Reason { get; init; }
    [Id(10)] public string? PayloadJson { get; init; }
    [Id(11)] public DateTime LeaseExpiresAt { get; init; }
    [Id(12)] public DateTime CreatedAt { get; init; }
    [Id(13)] public DateTime UpdatedAt { get; init; }

    public bool IsLiveAt(DateTime now) => RunStatuses.IsActive(Status) && LeaseExpiresAt > now;
}
