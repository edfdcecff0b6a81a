using Npgsql;
using Orleans.Runtime;

namespace Paperclip.Gateway.Http;

/// <summary>
/// Maps what escapes a handler to the API's error bodies: client errors to their 4xx, an
/// unreachable cluster or database to 503 (retry later; nothing was acknowledged), and anything
/// else to a logged 500, which is always a bug of ours.
/// </summary>
public sealed class ApiErrorHandling(RequestDelegate next, ILogger<ApiErrorHandling> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client hung up and its work was cancelled (its SQL too): nobody is left to answer.
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            var (status, error, details) = Classify(exception);
            if (status >= 500)
            {
                logger.LogError(exception, "Request {Method} {Path} failed with {Status}", context.Request.Method, context.Request.Path, status);
            }
            context.Response.Clear();
            await ApiErrors.WriteAsync(context, status, error, details);
        }
    }

    private static (int Status, string Error, object? Details) Classify(Exception exception) => exception switch
    {
        ApiException api => (api.StatusCode, api.Message, api.Details),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "Request body too large", null),
        BadHttpRequestException bad => (bad.StatusCode, "Bad request", null),
        // Two activations of one grain raced on storage (only around a failover): nothing was written.
        Orleans.Storage.InconsistentStateException => (409, "Concurrent update conflict, retry the request", null),
        _ when IsStatementTimeout(exception) => (503, "Query took too long and was cancelled; narrow the search or retry", null),
        _ when IsUnavailable(exception) => (503, "Service unavailable: the cluster or its database cannot be reached, retry shortly", null),
        _ => (500, "Internal server error", null),
    };

    /// <summary>A statement PostgreSQL cancelled at its <c>statement_timeout</c>, or Npgsql at its command timeout.</summary>
    private static bool IsStatementTimeout(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled }
            or NpgsqlException { InnerException: TimeoutException };

    /// <summary>Infrastructure failures: silos gone, calls timing out, PostgreSQL down.</summary>
    private static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
                or GatewayTooBusyException or ClientNotAvailableException or Orleans.Runtime.Messaging.ConnectionFailedException
                or NpgsqlException)
            {
                return true;
            }
        }
        return false;
    }
}
