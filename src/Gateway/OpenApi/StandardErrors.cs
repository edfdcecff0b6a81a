using Paperclip.Gateway.Validation;

namespace Paperclip.Gateway.OpenApi;

/// <summary>
/// Errors that come from the pipeline rather than from a handler, so every route of a kind can
/// answer them: caller resolution and run leases (<c>ActorResolution</c>), the JSON body reader,
/// and the exception handler's 503.
/// </summary>
public static class StandardErrors
{
    /// <summary>Errors of a route that resolves its caller (every route but the open ones).</summary>
    public static IReadOnlyList<ErrorDoc> OfCallerRoutes { get; } =
    [
        new(StatusCodes.Status401Unauthorized, "`Unauthorized`: no credentials in `authenticated` mode, or (in any mode) a bearer " +
            "token that is invalid, revoked or expired, or the key of a terminated agent."),
        new(StatusCodes.Status409Conflict, "`Run belongs to another agent`: the `X-Paperclip-Run-Id` is another agent's run."),
        new(StatusCodes.Status429TooManyRequests, "An agent's new `X-Paperclip-Run-Id` beyond its cap of live runs."),
        new(StatusCodes.Status503ServiceUnavailable, "The cluster or its database cannot be reached, or a query ran past its time " +
            "limit; nothing was changed that was not acknowledged. Retry shortly."),
    ];

    /// <summary>Errors of a route that reads a JSON body.</summary>
    public static IReadOnlyList<ErrorDoc> OfJsonBodies { get; } =
    [
        new(StatusCodes.Status400BadRequest, "`Malformed JSON body`, or `Validation error` with `details`: one entry (`code`, `path`, " +
            "`message`) per field that breaks its rule. Unknown fields are ignored."),
        new(StatusCodes.Status413PayloadTooLarge, $"`Request body too large`: over {JsonBody.MaxBytes / (1024 * 1024)} MiB."),
    ];
}
