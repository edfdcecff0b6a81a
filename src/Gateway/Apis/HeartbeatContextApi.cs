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
    /// The issue (goal resolved as the detail resolves it), its ancestors, project and goal, the
    /// comment cursor, and <c>wakeComment</c>: the comment named by <c>?wakeCommentId=</c> when it
    /// is one of this issue's (anything else, malformed ids included, is <c>null</c>).
    /// </summary>
    private static async Task<IResult> GetAsync(string issueId, HttpContext context, IGrainFactory grains)
    {
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        var queries = grains.GetGrain<IQueryGrain>(0);
        var total = await queries.CountCommentsAsync(issue.Id);
        var latest = total == 0 ? null : (await queries.ListCommentsAsync(new CommentPage(issue.Id, null, Ascending: false, Limit: 1))).FirstOrDefault();
        var wakeComment = Guid.TryParseExact(context.Request.Query["wakeCommentId"].ToString(), "D", out var wakeId)
            ? await queries.GetCommentAsync(issue.Id, wakeId)
            : null;
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
            new CommentCursor(total, latest?.Id, latest?.CreatedAt),
            WakeComment: wakeComment?.ToResponse()));
    }
}
