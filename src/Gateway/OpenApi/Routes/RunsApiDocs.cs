using Microsoft.OpenApi;
using Paperclip.Gateway.Apis;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="RunsApi"/>.</summary>
public static class RunsApiDocs
{
    private static readonly ErrorDoc RunNotFound = NotFound("`Heartbeat run not found`: unknown, malformed or another company's.");

    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("POST", "/api/agents/{agentId}/wakeup", ApiTags.Heartbeats, "Wake an agent")
        {
            Description = "Board only: queues a heartbeat run and records the wakeup (an agent with a webhook is sent it).",
            Body = JsonBody(WakeBody),
            Success = [Accepted<RunResponse>("The queued run.")],
            Errors = [BoardOnly, AgentNotFound, Conflict("`Agent is not invokable in its current state`: paused, terminated or pending approval.")],
        },
        new("GET", "/api/heartbeat-runs/{runId}", ApiTags.Heartbeats, "Get a heartbeat run")
        {
            Description = "A run is live while `queued` or `running` and its lease is unexpired; any request carrying its id renews the lease.",
            Success = [Ok<RunResponse>("The run.")],
            Errors = [RunNotFound],
        },
        new("POST", "/api/heartbeat-runs/{runId}/finish", ApiTags.Heartbeats, "Finish a heartbeat run")
        {
            Description = "The run's own agent or the board ends a live run.",
            Body = JsonBody(FinishBody, required: true),
            Success = [Ok<RunResponse>("The finished run.")],
            Errors = [Forbidden("`Only the run's agent can finish it`."), RunNotFound, Conflict("`Heartbeat run already finished`.")],
        },
    ];

    private static OpenApiSchema WakeBody() => Object(
        Optional("source", OneOf(RunsApi.WakeSources), "Default `on_demand`."),
        Optional("triggerDetail", OneOf(RunsApi.TriggerDetails), "Default `manual`."),
        Optional("reason", Text(RunsApi.MaxReasonLength, nullable: true)),
        Optional("payload", FreeObject(nullable: true)));

    private static OpenApiSchema FinishBody() => Object(
        Required("status", OneOf(RunStatuses.Finishing)),
        Optional("error", Text(InputLimits.Note, nullable: true)));
}
