namespace Paperclip.Gateway.Observability;

/// <summary>
/// Tells every caller the id of its request in <c>X-Request-Id</c>: the
/// <see cref="HttpContext.TraceIdentifier"/> that ASP.NET Core puts into the log scope
/// (<c>RequestId</c>) of every line written while handling it, so a reported id finds its log
/// lines. A caller that wants its own id in the logs sends a W3C <c>traceparent</c>, whose trace
/// id is in the same scope (<c>TraceId</c>); a free-form id of the caller's is not taken.
/// </summary>
public sealed class RequestIdHeader(RequestDelegate next)
{
    public const string Name = "X-Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        // Set as the response starts: error answers clear the headers set before them.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers[Name] = http.TraceIdentifier;
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
