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
    ];
}
