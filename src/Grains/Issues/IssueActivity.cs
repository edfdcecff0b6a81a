using System.Text.Json;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Issues;

/// <summary>The details of the issue activity rows of reference §9 that depend on what changed.</summary>
public static class IssueActivity
{
    public const string Created = "issue.created";
    public const string Updated = "issue.updated";
    public const string Deleted = "issue.deleted";
    public const string CommentAdded = "issue.comment_added";
    public const string CheckedOut = "issue.checked_out";
    public const string LockAdopted = "issue.checkout_lock_adopted";
    public const string Released = "issue.released";
    public const string ForceReleased = "issue.admin_force_release";
    public const string RunCancelled = "heartbeat.cancelled";
    public const string DocumentCreated = "issue.document_created";
    public const string DocumentUpdated = "issue.document_updated";
    public const string DocumentDeleted = "issue.document_deleted";
    public const string AttachmentAdded = "issue.attachment_added";
    public const string AttachmentRemoved = "issue.attachment_removed";

    /// <summary>The PATCH fields: name, whether (and what) the body sent, and the issue's value.</summary>
    private static readonly (string Name, Func<IssueChanges, (bool Sent, object? Value)> Sent, Func<Issue, object?> Read)[] Fields =
    [
        ("title", c => (c.Title is not null, c.Title?.Value), i => i.Title),
        ("description", c => (c.Description is not null, c.Description?.Value), i => i.Description),
        ("status", c => (c.Status is not null, c.Status?.Value), i => i.Status),
        ("priority", c => (c.Priority is not null, c.Priority?.Value), i => i.Priority),
        ("assigneeAgentId", c => (c.AssigneeAgentId is not null, c.AssigneeAgentId?.Value), i => i.AssigneeAgentId),
        ("assigneeUserId", c => (c.AssigneeUserId is not null, c.AssigneeUserId?.Value), i => i.AssigneeUserId),
        ("projectId", c => (c.ProjectId is not null, c.ProjectId?.Value), i => i.ProjectId),
        ("projectWorkspaceId", c => (c.ProjectWorkspaceId is not null, c.ProjectWorkspaceId?.Value), i => i.ProjectWorkspaceId),
        ("goalId", c => (c.GoalId is not null, c.GoalId?.Value), i => i.GoalId),
        ("parentId", c => (c.ParentId is not null, c.ParentId?.Value), i => i.ParentId),
        ("requestDepth", c => (c.RequestDepth is not null, c.RequestDepth?.Value), i => i.RequestDepth),
        ("billingCode", c => (c.BillingCode is not null, c.BillingCode?.Value), i => i.BillingCode),
        ("assigneeAdapterOverrides", c => (c.AssigneeAdapterOverridesJson is not null, Raw(c.AssigneeAdapterOverridesJson?.Value)),
            i => Raw(i.AssigneeAdapterOverridesJson)),
        ("labelIds", c => (c.LabelIds is not null, c.LabelIds?.Value), i => i.LabelIds),
        ("hiddenAt", c => (c.HiddenAt is not null, c.HiddenAt?.Value), i => i.HiddenAt),
    ];

    /// <summary>
    /// <c>issue.updated</c>: the fields sent, the identifier, the comment source and reopen, and
    /// <c>_previous</c> with the old value of each sent field that changed (omitted when none did).
    /// </summary>
    public static Dictionary<string, object?> UpdateDetails(IssueChanges changes, Issue before, Issue after, string? reopenedFrom)
    {
        var details = new Dictionary<string, object?>();
        var previous = new Dictionary<string, object?>();
        foreach (var (name, sent, read) in Fields)
        {
            var (isSent, value) = sent(changes);
            if (!isSent)
            {
                continue;
            }
            details[name] = value;
            if (Json(read(before)) != Json(read(after)))
            {
                previous[name] = read(before);
            }
        }
        if (reopenedFrom is not null)
        {
            details["status"] = after.Status;
            previous["status"] = reopenedFrom;
        }
        details["identifier"] = after.Identifier;
        if (changes.Comment is not null)
        {
            details["source"] = "comment";
        }
        AddReopen(details, reopenedFrom);
        if (previous.Count > 0)
        {
            details["_previous"] = previous;
        }
        return details;
    }

    /// <summary><c>issue.updated</c> of a reopen by <c>POST …/comments</c>.</summary>
    public static Dictionary<string, object?> ReopenDetails(Issue after, string reopenedFrom)
    {
        var details = new Dictionary<string, object?> { ["status"] = after.Status, ["identifier"] = after.Identifier, ["source"] = "comment" };
        AddReopen(details, reopenedFrom);
        return details;
    }

    /// <summary><c>issue.comment_added</c>: the comment, a snippet of its body (120 characters), and how it came.</summary>
    public static Dictionary<string, object?> CommentDetails(IssueComment comment, Issue issue, string? reopenedFrom)
    {
        var details = new Dictionary<string, object?>
        {
            ["commentId"] = comment.Id,
            ["bodySnippet"] = comment.Body.Length <= 120 ? comment.Body : comment.Body[..120],
            ["identifier"] = issue.Identifier,
            ["issueTitle"] = issue.Title,
        };
        if (reopenedFrom is not null)
        {
            details["source"] = "comment";
        }
        AddReopen(details, reopenedFrom);
        return details;
    }

    /// <summary><c>issue.document_created</c>/<c>_updated</c>: the document and the revision written (reference §7).</summary>
    public static Dictionary<string, object?> DocumentDetails(IssueDocumentHead head) => new()
    {
        ["key"] = head.Key,
        ["documentId"] = head.Id,
        ["title"] = head.Title,
        ["format"] = head.Format,
        ["revisionNumber"] = head.LatestRevisionNumber,
    };

    private static void AddReopen(Dictionary<string, object?> details, string? reopenedFrom)
    {
        if (reopenedFrom is not null)
        {
            details["reopened"] = true;
            details["reopenedFrom"] = reopenedFrom;
        }
    }

    private static JsonElement? Raw(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    private static string Json(object? value) => JsonSerializer.Serialize(value, GrainStateJson.Options);
}
