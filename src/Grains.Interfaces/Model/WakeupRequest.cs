namespace Paperclip.Grains;

/// <summary>
/// What a wakeup request can be (reference §2.1 <c>WAKEUP_REQUEST_STATUSES</c>, narrowed to what
/// this server does): <c>queued</c> waits for the agent (and, for a webhook agent, for delivery);
/// <c>delivered</c> and <c>failed</c> end a webhook delivery; <c>skipped</c> was addressed to an
/// agent that cannot be invoked in its current state.
/// </summary>
public static class WakeupStatuses
{
    public const string Queued = "queued";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
}

/// <summary>Why an agent is woken (reference §6.3) and by what kind of source (§2.1).</summary>
public static class WakeReasons
{
    public const string IssueAssigned = "issue_assigned";
    public const string IssueStatusChanged = "issue_status_changed";
    public const string IssueCheckedOut = "issue_checked_out";
    public const string IssueCommented = "issue_commented";
    public const string IssueReopenedViaComment = "issue_reopened_via_comment";
    public const string IssueCommentMentioned = "issue_comment_mentioned";

    public const string SourceAssignment = "assignment";
    public const string SourceAutomation = "automation";
}

/// <summary>
/// One durable request to wake an agent: a row of <c>agent_wakeup_requests</c>, written before the
/// request that caused it is answered. The delivery fields are set for agents with a webhook.
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.WakeupRequest")]
public sealed record WakeupRequest
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public Guid CompanyId { get; init; }
    [Id(2)] public Guid AgentId { get; init; }
    [Id(3)] public string Source { get; init; } = WakeReasons.SourceAutomation;
    [Id(4)] public string TriggerDetail { get; init; } = "system";
    [Id(5)] public string? Reason { get; init; }
    [Id(6)] public Guid? IssueId { get; init; }
    [Id(7)] public Guid? CommentId { get; init; }
    /// <summary>The payload as JSON text (an object), or <c>null</c>.</summary>
    [Id(8)] public string? PayloadJson { get; init; }
    [Id(9)] public string Status { get; init; } = WakeupStatuses.Queued;
    [Id(10)] public string? RequestedByActorType { get; init; }
    [Id(11)] public string? RequestedByActorId { get; init; }
    [Id(12)] public Guid? RunId { get; init; }
    [Id(13)] public string? Error { get; init; }
    [Id(14)] public DateTime RequestedAt { get; init; }
    [Id(15)] public DateTime UpdatedAt { get; init; }
    [Id(16)] public DateTime? FinishedAt { get; init; }
    /// <summary>Where the wakeup is POSTed (the agent's <c>adapterConfig.url</c> when it was requested), or <c>null</c>.</summary>
    [Id(17)] public string? WebhookUrl { get; init; }
    [Id(18)] public int Attempts { get; init; }
    [Id(19)] public DateTime? NextAttemptAt { get; init; }
    [Id(20)] public string? LastError { get; init; }
}
