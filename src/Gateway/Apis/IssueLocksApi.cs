using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>Checkout, release and force-release (reference §4.6, §4.8; CONTRACT §4).</summary>
public static class IssueLocksApi
{
    public static IEndpointRouteBuilder MapIssueLocksApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/issues/{issueId}/checkout", CheckoutAsync);
        routes.MapPost("/api/issues/{issueId}/release", ReleaseAsync);
        routes.MapPost("/api/issues/{issueId}/admin/force-release", ForceReleaseAsync);
        return routes;
    }

    private static async Task<IResult> CheckoutAsync(string issueId, HttpContext context, IGrainFactory grains)
    {
        var body = await BodyReader.ReadAsync(context.Request);
        var agentId = body.Uuid("agentId", required: true);
        var expected = body.EnumArray("expectedStatuses", IssueStatuses.All, maxCount: 2 * IssueStatuses.All.Count, required: true, nonEmpty: true);
        body.ThrowIfInvalid();
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        if (issue.ProjectId is { } projectId
            && await grains.FindInCompanyAsync<IProjectGrain, Project>(projectId, issue.CompanyId) is { PausedAt: not null } project)
        {
            return ApiErrors.Error(StatusCodes.Status409Conflict, project.PauseReason == "budget"
                ? "Project is paused because its budget hard-stop was reached"
                : "Project is paused");
        }
        var actor = context.GetActor();
        Guid? runId = null;
        if (actor.IsAgent)
        {
            if (actor.AgentId != agentId!.Value)
            {
                return ApiErrors.Error(StatusCodes.Status403Forbidden, "Agent can only checkout as itself");
            }
            if (actor.RunId is null)
            {
                return ApiErrors.Error(StatusCodes.Status401Unauthorized, "Agent run id required");
            }
            runId = actor.RunGuid ?? throw new ApiException(StatusCodes.Status422UnprocessableEntity, "Run id must be a UUID");
        }
        var reply = await grains.GetGrain<IIssueGrain>(issue.Id).CheckoutAsync(new CheckoutCommand(agentId!.Value!.Value, expected!.Value, runId), actor);
        return reply.IsSuccess ? TypedResults.Ok(await IssuesApi.WithLabelsAsync(reply.Value!, grains)) : ApiErrors.FromReply(reply);
    }

    private static async Task<IResult> ReleaseAsync(string issueId, HttpContext context, IGrainFactory grains)
    {
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        var reply = await grains.GetGrain<IIssueGrain>(issue.Id).ReleaseAsync(context.GetActor());
        return reply.IsSuccess ? TypedResults.Ok(await IssuesApi.WithLabelsAsync(reply.Value!, grains)) : ApiErrors.FromReply(reply);
    }

    private static async Task<IResult> ForceReleaseAsync(string issueId, HttpContext context, IGrainFactory grains)
    {
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        var actor = context.GetActor();
        actor.RequireBoard();
        var clearAssignee = context.Request.Query["clearAssignee"].FirstOrDefault() is "true" or "1";
        var reply = await grains.GetGrain<IIssueGrain>(issue.Id).ForceReleaseAsync(clearAssignee, actor);
        if (!reply.IsSuccess)
        {
            return ApiErrors.FromReply(reply);
        }
        var result = reply.Value!;
        return TypedResults.Ok(new ForceReleaseResponse(
            await IssuesApi.WithLabelsAsync(result.Issue, grains),
            new ReleasedLocks(result.PreviousCheckoutRunId, result.PreviousExecutionRunId)));
    }
}
