using System.Text.Json;

namespace Paperclip.Grains.Wakeups;

/// <summary>Fits a wakeup request to the agent it wakes: whether it can be invoked, and where its webhook is.</summary>
public static class WakeupAddressing
{
    public const string NotInvokable = "Agent is not invokable in its current state";

    /// <summary>
    /// An agent that is paused, terminated or awaiting approval is not woken (reference §6.2); the
    /// request is kept as <c>skipped</c> so the board can see why nothing happened. An invokable
    /// agent with an HTTP adapter gets the request POSTed to its URL as it is now.
    /// </summary>
    public static WakeupRequest For(Agent agent, WakeupRequest request) =>
        agent.Status is "paused" or "terminated" or "pending_approval"
            ? request with { Status = WakeupStatuses.Skipped, Error = NotInvokable, FinishedAt = request.RequestedAt }
            : request with { Status = WakeupStatuses.Queued, WebhookUrl = WebhookUrl(agent) };

    /// <summary>
    /// <c>adapterConfig.url</c> of an <c>http</c> agent when it is an absolute http(s) URL; any other
    /// scheme (file:, ftp:, …) is never fetched. Loopback is allowed: local deployments deliver there.
    /// </summary>
    public static string? WebhookUrl(Agent agent)
    {
        if (agent.AdapterType != "http")
        {
            return null;
        }
        using var config = JsonDocument.Parse(agent.AdapterConfigJson);
        return config.RootElement.ValueKind == JsonValueKind.Object
            && config.RootElement.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
            && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri.AbsoluteUri
                : null;
    }

    /// <summary>A new request of <paramref name="actor"/> (type and id as the reference records them).</summary>
    public static WakeupRequest New(Actor actor, Guid companyId, Guid agentId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        CompanyId = companyId,
        AgentId = agentId,
        RequestedByActorType = actor.IsAgent ? "agent" : "user",
        RequestedByActorId = actor.IsAgent ? actor.AgentId?.ToString() : actor.UserId,
        RequestedAt = now,
        UpdatedAt = now,
    };
}
