namespace Paperclip.Grains.Issues;

/// <summary>The pure rules of issue state: what a status write and an assignee change do to the record.</summary>
public static class IssueLifecycle
{
    /// <summary>
    /// The timestamps a written status sets or clears (reference §4.5): <c>in_progress</c> stamps
    /// <c>startedAt</c> every time; <c>done</c>/<c>cancelled</c> stamp their time and every other
    /// status clears it. Any status other than <c>in_progress</c> also frees the locks.
    /// </summary>
    public static Issue WriteStatus(Issue issue, string status, DateTime now)
    {
        var next = issue with
        {
            Status = status,
            StartedAt = status == IssueStatuses.InProgress ? now : issue.StartedAt,
            CompletedAt = status == IssueStatuses.Done ? now : null,
            CancelledAt = status == IssueStatuses.Cancelled ? now : null,
        };
        return status == IssueStatuses.InProgress ? next : ReleaseLocks(next);
    }

    /// <summary>
    /// Clears the checkout and the execution lock together. The reference cleared only the
    /// checkout, leaving zombie execution locks (its "409 storms"); we never leave one behind.
    /// </summary>
    public static Issue ReleaseLocks(Issue issue) => issue with
    {
        CheckoutRunId = null,
        ExecutionRunId = null,
        ExecutionAgentNameKey = null,
        ExecutionLockedAt = null,
    };
}
