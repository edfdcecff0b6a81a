using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Paperclip.Gateway.Auth;

namespace Paperclip.Gateway.OpenApi;

/// <summary>
/// The parts of the document that no one route owns: its title and conventions, the shared
/// <c>Error</c> schema, the bearer scheme, the <c>X-Paperclip-Run-Id</c> header and the tags.
/// </summary>
public sealed class DocumentDescription : IOpenApiDocumentTransformer
{
    public const string ErrorSchema = "Error";
    public const string BearerScheme = "bearer";
    public const string RunIdParameter = "RunId";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Paperclip Issues API",
            Version = "1",
            Description = """
                Issues, their checkout lock, comments, documents and attachments, and the companies, agents, projects, goals
                and labels around them, as the Paperclip server serves them.

                - JSON in and out (the attachment upload is multipart); timestamps are ISO-8601 UTC with milliseconds; ids are UUIDs.
                - Every error is `{"error": "<message>"}` plus `"details"` where there are any (the `Error` schema).
                - `local_trusted` mode: a request without `Authorization` is the board user `local-board`. `authenticated` mode:
                  every route but the health check needs `Authorization: Bearer <key or JWT>`.
                - Another company's records answer 404, never 403, so their ids cannot be probed.
                """,
        };
        // No servers: clients resolve paths against wherever they fetched the document, rather than
        // against a URL the generator would echo from the request's Host header.
        document.Servers = [];
        document.AddComponent(ErrorSchema, Error());
        document.AddComponent(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "`Authorization: Bearer <token>`: a board key (`pcb_…`, or the operator's `PAPERCLIP_BOARD_API_KEY`), an " +
                "agent key (`pcp_…`) or an agent JWT (HS256). Optional in `local_trusted` mode; an invalid token is 401 in every mode.",
        });
        document.AddComponent(RunIdParameter, new OpenApiParameter
        {
            Name = ActorResolution.RunIdHeader,
            In = ParameterLocation.Header,
            Description = "The heartbeat run an agent works in (an agent JWT may carry it as `run_id` instead). Every request carrying " +
                "it renews the run's lease; an id never seen becomes a live run of the calling agent. A `runId` in a body is ignored.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        // Either a bearer token or none: none is the board in local_trusted mode, and 401 in authenticated mode.
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            new OpenApiSecurityRequirement(),
        ];
        // Replaces the generator's default tag (the application's name) with the API's groups.
        document.Tags = new HashSet<OpenApiTag>(ApiTags.All.Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }));
        return Task.CompletedTask;
    }

    private static OpenApiSchema Error()
    {
        var error = Schemas.Object(
            Schemas.Required("error", new OpenApiSchema { Type = JsonSchemaType.String }, "The message, worded as the reference server words it."),
            Schemas.Optional("details", new OpenApiSchema(), "Present when the error carries more: the field problems of a " +
                "`Validation error` (`code`, `path`, `message`), or the state behind a 409 (`currentRevisionId`, the checkout holder, …)."));
        error.Description = "The body of every 4xx and 5xx answer.";
        return error;
    }
}
