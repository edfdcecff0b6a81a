using Paperclip.Grains;

namespace Paperclip.Gateway.Http;

/// <summary>
/// A client error found while reading a request (bad JSON, unknown id, too large). Thrown by the
/// request helpers so handlers stay linear; written by <see cref="ApiErrorHandling"/> through the
/// one error writer.
/// </summary>
public sealed class ApiException(int statusCode, string error, object? details = null) : Exception(error)
{
    public int StatusCode { get; } = statusCode;

    public object? Details { get; } = details;

    public static ApiException NotFound(string error) => new(StatusCodes.Status404NotFound, error);

    /// <summary>A failed grain reply, for middleware that cannot return a result.</summary>
    public static ApiException FromReply<T>(Reply<T> reply) =>
        new(ApiErrors.ToStatusCode(reply.Status), reply.Error ?? "Request failed", ApiErrors.Details(reply));
}
