using Paperclip.Gateway.Http;
using Paperclip.Grains;

namespace Paperclip.Gateway.Auth;

/// <summary>
/// Resolves the caller of every <c>/api</c> request once (reference §3.1, CONTRACT §2). In
/// <c>local_trusted</c> mode a request without credentials is the local board; in
/// <c>authenticated</c> mode it is 401 (except the health check). A bearer token that does not
/// verify is always 401 — never silently the board, unlike the reference.
/// </summary>
public sealed class ActorResolution(RequestDelegate next, GatewaySettings settings)
{
    public const string RunIdHeader = "X-Paperclip-Run-Id";

    public async Task InvokeAsync(HttpContext context, BearerAuthenticator authenticator, IGrainFactory grains)
    {
        var runId = context.Request.Headers[RunIdHeader].FirstOrDefault() is { Length: > 0 } header ? header.Trim() : null;
        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
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
        else if (context.Request.Path.StartsWithSegments("/api/health"))
        {
            actor = new Actor(ActorType.None, null, null, null, runId, "none", false);
        }
        else
        {
            throw Unauthorized();
        }
        if (actor.IsAgent && actor.RunGuid is { } runGuid)
        {
            // Any request carrying a run id renews that run's lease (and registers an unseen run).
            var touched = await grains.GetGrain<IHeartbeatRunGrain>(runGuid).TouchAsync(actor.AgentId!.Value, actor.CompanyId!.Value);
            if (!touched.IsSuccess)
            {
                throw new ApiException(ApiErrors.ToStatusCode(touched.Status), touched.Error!);
            }
        }
        context.SetActor(actor);
        await next(context);
    }

    private static ApiException Unauthorized() => new(StatusCodes.Status401Unauthorized, "Unauthorized");
}
