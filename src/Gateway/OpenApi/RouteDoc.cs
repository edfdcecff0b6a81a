using Microsoft.OpenApi;

namespace Paperclip.Gateway.OpenApi;

/// <summary>
/// What the OpenAPI document says about one route. The handlers read their bodies by hand and
/// answer <see cref="IResult"/>s, so nothing about bodies, answers or errors can be inferred:
/// it is written here, next to the route's method and pattern, and applied by
/// <see cref="RouteDocumentation"/>.
/// </summary>
public sealed record RouteDoc(string Method, string Route, string Tag, string Summary)
{
    /// <summary>How the routing table and the document name this route: <c>GET /api/issues/{issueId}</c>.</summary>
    public string Key => KeyOf(Method, Route);

    /// <summary>Longer prose (CommonMark) under the summary.</summary>
    public string? Description { get; init; }

    public IReadOnlyList<QueryDoc> Query { get; init; } = [];

    public BodyDoc? Body { get; init; }

    /// <summary>Every 2xx the route answers.</summary>
    public IReadOnlyList<SuccessDoc> Success { get; init; } = [];

    /// <summary>The errors particular to this route; the ones every route shares are added by <see cref="StandardErrors"/>.</summary>
    public IReadOnlyList<ErrorDoc> Errors { get; init; } = [];

    /// <summary>
    /// The key of a method and route pattern. A group's empty pattern leaves a trailing slash in
    /// the routing table (<c>/api/companies/</c>); the document, like this key, drops it.
    /// </summary>
    public static string KeyOf(string method, string route) =>
        $"{method.ToUpperInvariant()} {(route.Length > 1 ? route.TrimEnd('/') : route)}";
}

/// <summary>A query-string parameter. Schemas are made anew for every document, so no two documents share a mutable object.</summary>
public sealed record QueryDoc(string Name, string Description, Func<OpenApiSchema> Schema);

/// <summary>A request body: JSON (read by <c>BodyReader</c>) or the attachment upload's multipart form.</summary>
public sealed record BodyDoc(string ContentType, Func<OpenApiSchema> Schema, bool Required)
{
    public bool IsJson => ContentType == "application/json";
}

/// <summary>A 2xx answer: a response record (<see cref="Type"/>), a hand-made schema, or neither.</summary>
public sealed record SuccessDoc(int Status, string Description, Type? Type = null, Func<OpenApiSchema>? Schema = null,
    string ContentType = "application/json");

/// <summary>An error status with what causes it; its body is always the shared <c>Error</c> schema.</summary>
public sealed record ErrorDoc(int Status, string Description);
