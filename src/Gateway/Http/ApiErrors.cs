using System.Text.Json;
using Paperclip.Grains;

namespace Paperclip.Gateway.Http;

/// <summary>
/// The one writer of error bodies: <c>{"error": message}</c> plus <c>"details"</c> when there are
/// any. Every 4xx/5xx of the API leaves through here.
/// </summary>
public static class ApiErrors
{
    public static IResult Error(int statusCode, string error, object? details = null) =>
        Results.Json(Body(error, details), ApiJson.Options, statusCode: statusCode);

    public static IResult NotFound(string error) => Error(StatusCodes.Status404NotFound, error);

    public static IResult Validation(IReadOnlyList<Validation.ValidationIssue> issues) =>
        Error(StatusCodes.Status400BadRequest, "Validation error", issues);

    /// <summary>The HTTP answer for a failed grain reply (its details are already JSON).</summary>
    public static IResult FromReply<T>(Reply<T> reply) =>
        Error(ToStatusCode(reply.Status), reply.Error ?? "Request failed", Details(reply));

    /// <summary>A failed reply's details as JSON to embed, or null.</summary>
    public static object? Details<T>(Reply<T> reply) =>
        reply.DetailsJson is null ? null : JsonDocument.Parse(reply.DetailsJson).RootElement.Clone();

    public static Task WriteAsync(HttpContext context, int statusCode, string error, object? details = null)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(Body(error, details), ApiJson.Options);
    }

    public static int ToStatusCode(ReplyStatus status) => status switch
    {
        ReplyStatus.Ok => StatusCodes.Status200OK,
        ReplyStatus.Created => StatusCodes.Status201Created,
        ReplyStatus.BadRequest => StatusCodes.Status400BadRequest,
        ReplyStatus.Unauthorized => StatusCodes.Status401Unauthorized,
        ReplyStatus.Forbidden => StatusCodes.Status403Forbidden,
        ReplyStatus.NotFound => StatusCodes.Status404NotFound,
        ReplyStatus.Conflict => StatusCodes.Status409Conflict,
        ReplyStatus.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ReplyStatus.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static Dictionary<string, object?> Body(string error, object? details) =>
        details is null ? new() { ["error"] = error } : new() { ["error"] = error, ["details"] = details };
}
