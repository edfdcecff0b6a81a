namespace Paperclip.Grains;

/// <summary>The issue statuses of the API (reference §2.1). No transition graph is enforced.</summary>
public static class IssueStatuses
{
    public const string Backlog = "backlog";
    public const string Todo = "todo";
    public const string InProgress = "in_progress";
    public const string InReview = "in_review";
    public const string Done = "done";
    public const string Blocked = "blocked";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Backlog, Todo, InProgress, InReview, Done, Blocked, Cancelled];

    /// <summary>Done or cancelled: work on the issue is over until someone reopens it.</summary>
    public static bool IsClosed(string status) => status is Done or Cancelled;
}

/// <summary>The issue priorities, most urgent first; the index is the list sort rank.</summary>
public static class IssuePriorities
{
    public const string Critical = "critical";
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static readonly IReadOnlyList<string> All = [Critical, High, Medium, Low];
}
