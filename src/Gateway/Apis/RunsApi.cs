using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>Heartbeat runs (CONTRACT §4): wake an agent, read a run, finish it.</summary>
public static class RunsApi
{
    public static readonly IReadOnlyList<string> WakeSources = ["timer", "assignment", "on_demand", "automation"];
    public static readonly IReadOnlyList<string> TriggerDetails = ["manual", "ping", "callback", "system"];
    public const int MaxReasonLength = 500;

    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/agents/{agentId}/wakeup", WakeAsync);
        routes.MapGet("/api/heartbeat-runs/{runId}", GetAsync);
        routes.MapPost("/api/heartbeat-runs/{runId}/finish", FinishAsync);
        return routes;
    }

    /// <summary>Board: queue a run for the agent → 202 with the queued run.</summary>
    private static async Task<IResult> WakeAsync(string agentId, HttpContext context, IGrainFactory grains)
    {
        var agent = await AgentsApi.FindAsync(agentId, context, grains);
        context.GetActor().RequireBoard();
        var body = await BodyReader.ReadAsync(context.Request);
        var source = body.Enum("source", WakeSources);
        var trigger = body.Enum("triggerDetail", TriggerDetails);
        var reason = body.String("reason", MaxReasonLength, nullable: true);
        var payload = body.Object("payload", nullable: true);
        body.ThrowIfInvalid();
        if (agent.Status is "paused" or "terminated" or "pending_approval")
        {
            return ApiErrors.Error(StatusCodes.Status409Conflict, "Agent is not invokable in its current state");
        }

        var runId = Guid.NewGuid();
        var reply = await grains.GetGrain<IHeartbeatRunGrain>(runId).QueueAsync(new HeartbeatRun
        {
            Id = runId,
            CompanyId = agent.CompanyId,
            AgentId = agent.Id,
            InvocationSource = source?.Value ?? "on_demand",
            TriggerDetail = trigger?.Value ?? "manual",
            Reason = reason?.Value,
            PayloadJson = payload?.Value,
        });
        if (!reply.IsSuccess)
        {
            return ApiErrors.FromReply(reply);
        }
        // The request is a wakeup row too (reference §6.2), so the agent's wakeups list shows it
        // and an agent with a webhook is sent it.
        var run = reply.Value!;
        var recorded = await grains.GetGrain<IAgentGrain>(agent.Id).RecordWakeupAsync(new WakeupRequest
        {
            Id = Guid.NewGuid(),
            CompanyId = agent.CompanyId,
            AgentId = agent.Id,
            Source = run.InvocationSource,
            TriggerDetail = run.TriggerDetail ?? "manual",
            Reason = run.Reason,
            PayloadJson = run.PayloadJson,
            RequestedByActorType = "user",
            RequestedByActorId = context.GetActor().UserId,
            RunId = run.Id,
            RequestedAt = run.CreatedAt,
            UpdatedAt = run.CreatedAt,
        });
        return recorded.IsSuccess ? TypedResults.Accepted($"/api/heartbeat-runs/{runId}", run.ToResponse()) : ApiErrors.FromReply(recorded);
    }

    private static async Task<IResult> GetAsync(string runId, HttpContext context, IGrainFactory grains) =>
        TypedResults.Ok((await FindAsync(runId, context, grains)).ToResponse());

    /// <summary>The run's own agent or the board: end a live run as succeeded, failed or cancelled.</summary>
    private static async Task<IResult> FinishAsync(string runId, HttpContext context, IGrainFactory grains)
    {
        var run = await FindAsync(runId, context, grains);
        var actor = context.GetActor();
        if (actor.IsAgent && actor.AgentId != run.AgentId)
        {
            return ApiErrors.Error(StatusCodes.Status403Forbidden, "Only the run's agent can finish it");
        }
        var body = await BodyReader.ReadAsync(context.Request);
        var status = body.Enum("status", RunStatuses.Finishing, required: true);
        var error = body.String("error", InputLimits.Note, nullable: true);
        body.ThrowIfInvalid();
        var reply = await grains.GetGrain<IHeartbeatRunGrain>(run.Id).FinishAsync(status!.Value!, error?.Value);
        return reply.IsSuccess ? TypedResults.Ok(reply.Value!.ToResponse()) : ApiErrors.FromReply(reply);
    }

    private static async Task<HeartbeatRun> FindAsync(string runId, HttpContext context, IGrainFactory grains)
    {
        var id = RouteIds.Parse(runId, "Heartbeat run not found");
        var run = await grains.GetGrain<IHeartbeatRunGrain>(id).GetAsync();
        return run is not null && context.GetActor().CanSee(run.CompanyId) ? run : throw ApiException.NotFound("Heartbeat run not found");
    }
}
