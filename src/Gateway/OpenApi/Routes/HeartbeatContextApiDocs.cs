using Paperclip.Gateway.Responses;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="Apis.HeartbeatContextApi"/>.</summary>
public static class HeartbeatContextApiDocs
{
    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("GET", "/api/issues/{issueId}/heartbeat-context", ApiTags.Heartbeats, "Read an issue's heartbeat context")
        {
            Description = "What an agent reads before working an issue: the issue (goal resolved), its ancestors, project and goal, " +
                "and where its comment thread ends.",
            Query = [Query("wakeCommentId", "A comment of this issue to return as `wakeComment` (anything else gives null).", () => Uuid())],
            Success = [Ok<HeartbeatContext>("The compact context.")],
            Errors = [IssueNotFound],
        },
    ];
}
