using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>One row of <c>GET /api/agents/me/inbox-lite</c> (reference §4.1): what an agent needs to pick its next issue.</summary>
public sealed record InboxItem(
    Guid Id, string Identifier, string Title, string Status, string Priority, Guid? ProjectId, Guid? GoalId,
    Guid? ParentId, DateTime UpdatedAt, ActiveRun? ActiveRun)
{
    public static InboxItem From(Issue issue, ActiveRun? activeRun) => new(
        issue.Id, issue.Identifier, issue.Title, issue.Status, issue.Priority, issue.ProjectId, issue.GoalId,
        issue.ParentId, issue.UpdatedAt, activeRun);
}

/// <summary><c>GET /api/issues/{id}/heartbeat-context</c> (reference §4.4), field for field.</summary>
public sealed record HeartbeatContext(
    HeartbeatIssue Issue, IReadOnlyList<HeartbeatAncestor> Ancestors, HeartbeatProject? Project, HeartbeatGoal? Goal,
    CommentCursor CommentCursor, object? WakeComment);

public sealed record HeartbeatIssue(
    Guid Id, string Identifier, string Title, string? Description, string Status, string Priority, Guid? ProjectId,
    Guid? GoalId, Guid? ParentId, Guid? AssigneeAgentId, string? AssigneeUserId, DateTime UpdatedAt);

public sealed record HeartbeatAncestor(Guid Id, string Identifier, string Title, string Status, string Priority);

public sealed record HeartbeatProject(Guid Id, string Name, string Status, string? TargetDate);

public sealed record HeartbeatGoal(Guid Id, string Title, string Status, string Level, Guid? ParentId);

/// <summary>Where the issue's comment thread ends, so an agent reads only what is new.</summary>
public sealed record CommentCursor(int TotalComments, Guid? LatestCommentId, DateTime? LatestCommentAt);
