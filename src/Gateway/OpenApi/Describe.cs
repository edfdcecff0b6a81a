using Microsoft.OpenApi;

namespace Paperclip.Gateway.OpenApi;

/// <summary>The short forms the route descriptions are written in (<c>using static</c>), and the errors many routes share.</summary>
public static class Describe
{
    public static SuccessDoc Ok<T>(string description) => new(StatusCodes.Status200OK, description, typeof(T));

    public static SuccessDoc Ok(string description, Func<OpenApiSchema> schema, string contentType = "application/json") =>
        new(StatusCodes.Status200OK, description, Schema: schema, ContentType: contentType);

    public static SuccessDoc Created<T>(string description) => new(StatusCodes.Status201Created, description, typeof(T));

    public static SuccessDoc Accepted<T>(string description) => new(StatusCodes.Status202Accepted, description, typeof(T));

    /// <summary>The reference's answer to a delete that returns nothing else: <c>200 {"ok": true}</c>.</summary>
    public static SuccessDoc Deleted { get; } = Ok("Deleted.", () => Schemas.Object(
        Schemas.Required("ok", Schemas.Constant(JsonSchemaType.Boolean, true))));

    public static BodyDoc JsonBody(Func<OpenApiSchema> schema, bool required = false) => new("application/json", schema, required);

    public static QueryDoc Query(string name, string description, Func<OpenApiSchema> schema) => new(name, description, schema);

    public static ErrorDoc BadRequest(string description) => new(StatusCodes.Status400BadRequest, description);

    public static ErrorDoc Unauthorized(string description) => new(StatusCodes.Status401Unauthorized, description);

    public static ErrorDoc Forbidden(string description) => new(StatusCodes.Status403Forbidden, description);

    public static ErrorDoc NotFound(string description) => new(StatusCodes.Status404NotFound, description);

    public static ErrorDoc Conflict(string description) => new(StatusCodes.Status409Conflict, description);

    public static ErrorDoc Unprocessable(string description) => new(StatusCodes.Status422UnprocessableEntity, description);

    public static ErrorDoc TooManyRequests(string description) => new(StatusCodes.Status429TooManyRequests, description);

    /// <summary>An agent on a company-scoped route of another company.</summary>
    public static ErrorDoc OtherCompany { get; } = Forbidden("`Agent key cannot access another company`: an agent on another company's route.");

    public static ErrorDoc BoardOnly { get; } = Forbidden("`Board authentication required`: agents may not call this route.");

    /// <summary>The <c>{companyId}</c> is not a UUID (or, where the route needs the company, names none).</summary>
    public static ErrorDoc CompanyNotFound { get; } = NotFound("`Company not found`.");

    /// <summary>No such issue, or one of another company: the two are not told apart.</summary>
    public static ErrorDoc IssueNotFound { get; } = NotFound("`Issue not found`: unknown, malformed or another company's.");

    public static ErrorDoc AgentNotFound { get; } = NotFound("`Agent not found`: unknown, malformed or another company's.");

    /// <summary>A PATCH of a record whose compare-and-set lost to other updates on every retry.</summary>
    public static ErrorDoc ConcurrentUpdate { get; } = Conflict("`Record was updated concurrently`: other updates kept landing first; retry.");

    /// <summary>The run-ownership gate: an agent changing its own in-progress issue from a run that does not hold it.</summary>
    public static IReadOnlyList<ErrorDoc> RunOwnershipGate { get; } =
    [
        Unauthorized("`Agent run id required`: an agent working its in-progress issue without `X-Paperclip-Run-Id`."),
        Conflict("`Issue run ownership conflict`: the issue is held by another live run."),
    ];
}
