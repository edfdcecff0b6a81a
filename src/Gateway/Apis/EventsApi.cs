using System.Text.Json;
using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Events;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Responses;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>
/// Live events (CONTRACT §5): a company's activity log read forward as Server-Sent Events, event
/// <c>activity.logged</c>, <c>id</c> = the entry's <c>seq</c>. A reconnect with <c>Last-Event-ID</c>
/// (header, or <c>lastEventId</c> in the query) gets everything after that id first; without one the
/// stream starts at the present. <c>: ping</c> comments keep idle connections open.
/// </summary>
public static class EventsApi
{
    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(15);

    private const int PageSize = 100;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/companies/{companyId}/events", StreamAsync);
        return routes;
    }

    private static async Task StreamAsync(string companyId, HttpContext context, IGrainFactory grains, ActivityDoorbell doorbell,
        IHostApplicationLifetime lifetime)
    {
        var company = RouteIds.Parse(companyId, "Company not found");
        context.GetActor().RequireCompanyAccess(company);
        // A stream ends when its client leaves or when the process stops: an open stream must not
        // hold a graceful shutdown for its whole timeout (the client reconnects with Last-Event-ID).
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var aborted = ending.Token;
        var queries = grains.GetGrain<IQueryGrain>(0);
        // Subscribed before the starting point is read, so no event can fall between the two.
        using var bell = doorbell.Subscribe(company);
        var last = LastEventId(context.Request)
            ?? (await queries.ListActivityAsync(new ActivityQuery { CompanyId = company, Limit = 1 }, context.RequestAborted)).FirstOrDefault()?.Seq
            ?? 0;

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            await response.WriteAsync(": connected\n\n", aborted);
            await response.Body.FlushAsync(aborted);
            while (true)
            {
                // Every wake reads the table (rung or not): a lost ring costs at most one ping interval.
                IReadOnlyList<ActivityEntry> page;
                do
                {
                    page = await queries.ListActivityAsync(new ActivityQuery { CompanyId = company, AfterSeq = last, Limit = PageSize }, aborted);
                    foreach (var entry in page)
                    {
                        var data = JsonSerializer.Serialize(entry.ToResponse(), ApiJson.Options);
                        await response.WriteAsync($"id: {entry.Seq}\nevent: activity.logged\ndata: {data}\n\n", aborted);
                        last = entry.Seq;
                    }
                    await response.Body.FlushAsync(aborted);
                }
                while (page.Count == PageSize);
                if (!await bell.WaitAsync(PingInterval, aborted))
                {
                    await response.WriteAsync(": ping\n\n", aborted);
                    await response.Body.FlushAsync(aborted);
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The subscriber left (or the process is stopping); disposing the bell is all there is to release.
        }
    }

    /// <summary>The id the client last received; a missing or malformed one means "from now on".</summary>
    private static long? LastEventId(HttpRequest request) =>
        (request.Headers["Last-Event-ID"].FirstOrDefault() ?? request.Query["lastEventId"].FirstOrDefault()) is { } text
        && long.TryParse(text, out var seq) && seq >= 0 ? seq : null;
}
