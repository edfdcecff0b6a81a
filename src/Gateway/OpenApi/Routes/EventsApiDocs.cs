using Microsoft.OpenApi;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="Apis.EventsApi"/>.</summary>
public static class EventsApiDocs
{
    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("GET", "/api/companies/{companyId}/events", ApiTags.Activity, "Stream a company's activity live")
        {
            Description = "Server-Sent Events: each new activity entry as `event: activity.logged` with `id:` its `seq` and `data:` " +
                "the entry as JSON. A reconnect with `Last-Event-ID` (header) or `lastEventId` (query) first gets everything after " +
                "that id; without one the stream starts now. `: ping` comments keep an idle connection open.",
            Query = [Query("lastEventId", "Resume after this `seq` (as the `Last-Event-ID` header).", () => Integer(minimum: 0))],
            Success = [Ok("An endless stream of events.", () => new OpenApiSchema { Type = JsonSchemaType.String }, contentType: "text/event-stream")],
            Errors = [OtherCompany, CompanyNotFound],
        },
    ];
}
