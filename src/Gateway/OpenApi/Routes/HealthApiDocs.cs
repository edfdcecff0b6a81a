using Paperclip.Gateway.Responses;
using static Paperclip.Gateway.OpenApi.Describe;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="Apis.HealthApi"/>.</summary>
public static class HealthApiDocs
{
    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("GET", "/api/health", ApiTags.Health, "Check that the API answers")
        {
            Description = "Needs no credentials in any mode; a run id sent with it registers or renews nothing.",
            Success = [Ok<HealthResponse>("The process serves HTTP: `{\"status\": \"ok\"}`.")],
        },
        new("GET", Apis.ReadinessApi.Path, ApiTags.Health, "Check that this process can serve requests now")
        {
            Description = "Readiness for load balancers: the database answers a `SELECT 1` within 2 s and the silo is active " +
                "in the cluster (a standalone gateway: connected to at least one silo). Needs no credentials; one answer is reused for 1 s.",
            Success = [Ok<ReadinessResponse>("Ready: `{\"status\":\"ready\",\"checks\":{\"database\":\"ok\",\"cluster\":\"active\"}}`.")],
            Errors = [new ErrorDoc(StatusCodes.Status503ServiceUnavailable, "`Not ready`; `details` gives each check's state (`database`: `unreachable`, `cluster`: …).")],
        },
    ];
}
