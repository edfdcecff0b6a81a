using Microsoft.AspNetCore.Authorization;
using Paperclip.Gateway.Http;
using Paperclip.Grains;

namespace Paperclip.Gateway.Auth;

/// <summary>
/// Resolves the caller of every <c>/api</c> request once (reference §3.1, CONTRACT §2). In
/// <c>local_trusted</c> mode a request without credentials is the local board; in
/// <c>authenticated</c> mode it is 401 (except on open routes: the health check). A bearer token
/// that does not verify is always 401 — never silently the board, unlike the reference.
/// </summary>
public sealed class ActorResolution(RequestDelegate next, GatewaySettings settings)
{
    public const string RunIdHeader = "X-Paperclip-Run-Id";

    public async Task InvokeAsync(HttpContext context, BearerAuthenticator authenticator, IGrainFactory grains)
    {
        var runId = context.Request.Headers[RunIdHeader].FirstOrDefault() is { Length: > 0 } header ? header.Trim() : null;
        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
        // Routes marked AllowAnonymous need no caller, so they neither demand one nor touch runs.
        var open = context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        Actor actor;
        if (!string.IsNullOrWhiteSpace(authorization))
        {
            var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : "";
            actor = token.Length > 0 && await authenticator.AuthenticateAsync(token, runId) is { } authenticated
                ? authenticated
                : throw Unauthorized();
        }
        else if (settings.DeploymentMode == DeploymentModes.LocalTrusted)
        {
            actor = Actor.LocalBoard(runId);
        }
        else if (open)
        {
            actor = new Actor(ActorType.None, null, null, null, runId, "none", false);
        }
        else
        {
            throw Unauthorized();
        }
        if (!open && actor.IsAgent && actor.RunGuid is { } runGuid)
        {
            await TouchRunAsync(grains, runGuid, actor.AgentId!.Value, actor.CompanyId!.Value);
        }
        context.SetActor(actor);
        await next(context);
    }

    /// <summary>
    /// Any request carrying a run id renews that run's lease: one call to the run's grain. Only an
    /// id the run grain does not know goes on to the agent's grain, which registers it under the
    /// agent's cap of live runs (429 beyond it), so renewals never wait on that gate.
    /// </summary>
    private static async Task TouchRunAsync(IGrainFactory grains, Guid runId, Guid agentId, Guid companyId)
    {
        var touched = await grains.GetGrain<IHeartbeatRunGrain>(runId).TouchAsync(agentId, companyId, mayRegister: false);
        if (touched.Status == ReplyStatus.NotFound)
        {
            touched = await grains.GetGrain<IAgentGrain>(agentId).RegisterRunAsync(runId);
        }
        if (!touched.IsSuccess)
        {
            throw ApiException.FromReply(touched);
        }
    }

    private static ApiException Unauthorized() => new(StatusCodes.Status401Unauthorized, "Unauthorized");
}
