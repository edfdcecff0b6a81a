using Microsoft.OpenApi;
using Paperclip.Gateway.Responses;
using Paperclip.Grains;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="Apis.IssueLocksApi"/>.</summary>
public static class IssueLocksApiDocs
{
    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("POST", "/api/issues/{issueId}/checkout", ApiTags.Checkout, "Check out (claim) an issue")
        {
            Description = "Atomically claims the issue for `agentId` and moves it to `in_progress`: of any number of racers exactly one " +
                "wins. Idempotent for the same agent and run. A lock held by a run that is no longer live is adopted. An agent checks " +
                "out as itself, with its run id in `X-Paperclip-Run-Id`; the board may check out for any agent. Never retry a 409.",
            Body = JsonBody(CheckoutBody, required: true),
            Success = [Ok<IssueResponse>("The issue, now `in_progress` and held by the agent's run.")],
            Errors =
            [
                Unauthorized("`Agent run id required`: an agent without `X-Paperclip-Run-Id`."),
                Forbidden("`Agent can only checkout as itself`."),
                IssueNotFound,
                NotFound("`Assignee agent not found`: `agentId` names no agent."),
                Conflict("`Issue checkout conflict` (details: `issueId`, `status`, `assigneeAgentId`, `checkoutRunId`, `executionRunId`, " +
                    "`conflictReason`, `holderRunStatus`); `Project is paused`; or the agent cannot take work (pending approval, terminated)."),
                Unprocessable("`Run id must be a UUID`, or `agentId` is an agent of another company."),
            ],
        },
        new("POST", "/api/issues/{issueId}/release", ApiTags.Checkout, "Release an issue")
        {
            Description = "Clears the assignee, the checkout and the execution lock; `in_progress` becomes `todo`, other statuses stay. " +
                "An agent releases only its own issue from the run that holds it. No body.",
            Success = [Ok<IssueResponse>("The released issue.")],
            Errors =
            [
                IssueNotFound,
                .. RunOwnershipGate,
                Conflict("`Only assignee can release issue`, or `Only checkout run can release issue`."),
            ],
        },
        new("POST", "/api/issues/{issueId}/admin/force-release", ApiTags.Checkout, "Force-release an issue")
        {
            Description = "Board only: clears the checkout and execution lock whoever holds them.",
            Query = [Query("clearAssignee", "`true` (or `1`) also clears the assignee.", () => OneOf(["true", "false", "1", "0"]))],
            Success = [Ok<ForceReleaseResponse>("The issue and the locks it had.")],
            Errors = [BoardOnly, IssueNotFound],
        },
    ];

    private static OpenApiSchema CheckoutBody() => Object(
        Required("agentId", Uuid(), "The agent that takes the issue (the caller itself, for an agent)."),
        Required("expectedStatuses", ArrayOf(OneOf(IssueStatuses.All), nonEmpty: true),
            "Statuses the issue may be in; include `in_progress` to re-claim after a crashed run."));
}
