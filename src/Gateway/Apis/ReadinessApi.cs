using Paperclip.Gateway.Http;
using Paperclip.Gateway.Observability;
using Paperclip.Gateway.Responses;

namespace Paperclip.Gateway.Apis;

/// <summary>
/// Readiness (<c>/api/health</c> is liveness): whether this process can serve requests now, for
/// load balancers and orchestrators to route around it while it cannot.
/// </summary>
public static class ReadinessApi
{
    public const string Path = "/api/health/ready";

    /// <summary>Open to anyone like <c>/api/health</c>; its answer names no host, user or error text.</summary>
    public static IEndpointRouteBuilder MapReadinessApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, GetReadinessAsync).AllowAnonymous();
        return routes;
    }

    /// <summary>200 when the database answers and the cluster is reachable, else 503 with each check's state.</summary>
    private static async Task<IResult> GetReadinessAsync(DatabaseReadiness database, IClusterReadiness cluster)
    {
        var checks = new[] { ("database", await database.CheckAsync()), ("cluster", cluster.Check()) };
        var states = checks.ToDictionary(check => check.Item1, check => check.Item2.State);
        return checks.All(check => check.Item2.Ready)
            ? TypedResults.Ok(new ReadinessResponse("ready", states))
            : ApiErrors.Error(StatusCodes.Status503ServiceUnavailable, "Not ready", states);
    }
}
