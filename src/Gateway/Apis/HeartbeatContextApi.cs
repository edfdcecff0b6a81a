using Paperclip.Gateway.Responses;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary><c>GET /api/issues/{id}/heartbeat-context</c> (reference §4.4): the compact context an agent reads before working an issue.</summary>
public static class HeartbeatContextApi
{
    public static IEndpointRouteBuilder MapHeartbeatContextApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/issues/{issueId}/heartbeat-context", GetAsync);
        return routes;
    }

    /// <summary>
    /// The issue (goal resolved as the detail resolves it), its ancestors, project and goal, and the
    /// comment cursor. Comments are not stored by this build yet: the cursor is empty and
    /// <c>wakeComment</c> (asked for with <c>?wakeCommentId=</c>) is always <c>null</c>.
    /// </summary>
    private static async Task<IResult> GetAsync(string issueId, HttpContext context, IGrainFactory grains)
    {
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        var ancestors = await IssueDetails.AncestorsAsync(issue, grains);
        var goalId = await IssueDetails.ResolveGoalIdAsync(issue, grains);
        var project = issue.ProjectId is { } projectId ? await grains.FindInCompanyAsync<IProjectGrain, Project>(projectId, issue.CompanyId) : null;
        var goal = goalId is { } g ? await grains.FindInCompanyAsync<IGoalGrain, Goal>(g, issue.CompanyId) : null;
        return TypedResults.Ok(new HeartbeatContext(
            new HeartbeatIssue(issue.Id, issue.Identifier, issue.Title, issue.Description, issue.Status, issue.Priority,
                issue.ProjectId, goalId, issue.ParentId, issue.AssigneeAgentId, issue.AssigneeUserId, issue.UpdatedAt),
            [.. ancestors.Select(a => new HeartbeatAncestor(a.Id, a.Identifier, a.Title, a.Status, a.Priority))],
            project is null ? null : new HeartbeatProject(project.Id, project.Name, project.Status, project.TargetDate),
            goal is null ? null : new HeartbeatGoal(goal.Id, goal.Title, goal.Status, goal.Level, goal.ParentId),
            new CommentCursor(0, null, null),
            WakeComment: null));
    }
}
