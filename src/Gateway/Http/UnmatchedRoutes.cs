namespace Paperclip.Gateway.Http;

/// <summary>
/// Requests no route serves get the reference's <c>404 {"error":"API route not found"}</c>,
/// including a known path with an unsupported method (which the router would answer 405).
/// </summary>
public sealed class UnmatchedRoutes(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is null || context.GetEndpoint()?.DisplayName?.StartsWith("405 HTTP Method Not Supported", StringComparison.Ordinal) == true)
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status404NotFound, "API route not found");
            return;
        }
        await next(context);
    }
}
