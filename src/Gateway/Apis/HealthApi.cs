using Paperclip.Gateway.Responses;

namespace Paperclip.Gateway.Apis;

public static class HealthApi
{
    /// <summary>Open to anyone (AllowAnonymous): it needs no caller, and a run id on it registers or renews nothing.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", () => TypedResults.Ok(new HealthResponse("ok"))).AllowAnonymous();
        return routes;
    }
}
