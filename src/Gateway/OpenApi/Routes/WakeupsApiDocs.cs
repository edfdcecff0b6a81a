using Paperclip.Gateway.Apis;
using Paperclip.Gateway.Responses;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="WakeupsApi"/>.</summary>
public static class WakeupsApiDocs
{
    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("GET", "/api/agents/me/inbox-lite", ApiTags.Heartbeats, "Read the calling agent's inbox")
        {
            Description = "Agents only: their `todo`, `in_progress` and `blocked` issues in list order, compact.",
            Success = [Ok<IReadOnlyList<InboxItem>>("The agent's open work.")],
            Errors =
            [
                Unauthorized("`Agent authentication required`: the caller is not an agent."),
                TooManyRequests("`Too many concurrent issue lists for this company, retry shortly`."),
            ],
        },
        new("GET", "/api/agents/{agentId}/wakeups", ApiTags.Heartbeats, "List an agent's wakeups")
        {
            Description = "Newest first, with their status and webhook delivery. The board, or the agent itself.",
            Query = [Query("limit", $"How many, default {WakeupsApi.DefaultLimit}, at most {WakeupsApi.MaxLimit}.", () => Integer(minimum: 1))],
            Success = [Ok<IReadOnlyList<WakeupResponse>>("The agent's wakeup requests.")],
            Errors = [Forbidden("`Agent can only read its own wakeups`."), AgentNotFound],
        },
    ];
}
