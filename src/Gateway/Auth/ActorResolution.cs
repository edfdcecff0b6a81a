using Paperclip.Gateway.Http;
using Paperclip.Grains;

namespace Paperclip.Gateway.Auth;

/// <summary>
/// Resolves the caller of every <c>/api</c> request once. In <c>local_trusted</c> mode a request
/// without credentials is the local board. A bearer token that does not verify is always 401 —
/// never silently the board, unlike the reference.
/// </summary>
public sealed class ActorResolution(RequestDelegate next, GatewaySettings settings)
{
    public const string RunIdHeader = "X-Paperclip-Run-Id";

    public Task InvokeAsync(HttpContext context)
    {
        var runId = context.Request.Headers[RunIdHeader].FirstOrDefault() is { Length: > 0 } header ? header.Trim() : null;
        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(authorization))
        {
            // No credential kinds are issued yet, so any presented credential is invalid.
            throw new ApiException(StatusCodes.Status401Unauthorized, "Unauthorized");
        }
        context.SetActor(settings.DeploymentMode == DeploymentModes.LocalTrusted
            ? Actor.LocalBoard(runId)
            : new Actor(ActorType.None, null, null, null, runId, "none", false));
        return next(context);
    }
}
