using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Responses;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>What wakes an agent and what waits for it (CONTRACT §5): its wakeup requests and its inbox.</summary>
public static class WakeupsApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
    private static readonly IReadOnlyList<string> InboxStatuses = [IssueStatuses.Todo, IssueStatuses.InProgress, IssueStatuses.Blocked];

    public static IEndpointRouteBuilder MapWakeupsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/agents/me/inbox-lite", InboxAsync);
        routes.MapGet("/api/agents/{agentId}/wakeups", ListAsync);
        return routes;
    }

    /// <summary>
    /// The calling agent's <c>todo</c>, <c>in_progress</c> and <c>blocked</c> issues in list order,
    /// compact (reference §4.1, the skill's heartbeat step 3). Agents only.
    /// </summary>
    private static async Task<IResult> InboxAsync(HttpContext context, IGrainFactory grains, CompanyReadLimiter limiter)
    {
        var actor = context.GetActor();
        if (actor is not { AgentId: { } agentId, CompanyId: { } companyId })
        {
            return ApiErrors.Error(StatusCodes.Status401Unauthorized, "Agent authentication required");
        }
        var queries = grains.GetGrain<IQueryGrain>(0);
        var query = new IssueQuery { CompanyId = companyId, AssigneeAgentId = agentId, Statuses = InboxStatuses, Limit = IssueListQuery.DefaultLimit };
        var aborted = context.RequestAborted;
        var issues = await limiter.RunAsync(companyId, false, () => queries.ListIssuesAsync(query, aborted), aborted);
        var activeRun = await IssuesApi.ActiveRunsAsync(issues.Select(issue => issue.ExecutionRunId), queries);
        return TypedResults.Ok(issues.Select(issue => InboxItem.From(issue, activeRun(issue.ExecutionRunId))));
    }

    /// <summary>
    /// The agent's wakeup requests, newest first, with their status (<c>?limit=</c>, default 100, at
    /// most 500). The board, or the agent itself: another agent of the company gets 403, of another
    /// company 404.
    /// </summary>
    private static async Task<IResult> ListAsync(string agentId, HttpContext context, IGrainFactory grains)
    {
        var agent = await AgentsApi.FindAsync(agentId, context, grains);
        var actor = context.GetActor();
        if (actor.IsAgent && actor.AgentId != agent.Id)
        {
            return ApiErrors.Error(StatusCodes.Status403Forbidden, "Agent can only read its own wakeups");
        }
        var limit = int.TryParse(context.Request.Query["limit"].FirstOrDefault(), out var asked) && asked > 0 ? Math.Min(asked, MaxLimit) : DefaultLimit;
        var wakeups = await grains.GetGrain<IQueryGrain>(0).ListWakeupsAsync(agent.Id, limit, context.RequestAborted);
        return TypedResults.Ok(wakeups.Select(wakeup => wakeup.ToResponse()));
    }
}
