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
}
