using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Paperclip.Gateway.OpenApi;

/// <summary>An operation's answers: its 2xx with their schemas, then every error status with the shared <c>Error</c> body.</summary>
public static class OperationResponses
{
    public static async Task<OpenApiResponses> ForAsync(
        RouteDoc route, bool open, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var responses = new OpenApiResponses();
        foreach (var success in route.Success.OrderBy(success => success.Status))
        {
            responses[Code(success.Status)] = await SuccessAsync(success, context, cancellationToken);
        }
        var errors = route.Errors
            .Concat(open ? [] : StandardErrors.OfCallerRoutes)
            .Concat(route.Body is { IsJson: true } ? StandardErrors.OfJsonBodies : []);
        foreach (var status in errors.GroupBy(error => error.Status).OrderBy(group => group.Key))
        {
            responses[Code(status.Key)] = new OpenApiResponse
            {
                Description = Describe([.. status.Select(error => error.Description)]),
                Content = Json(new OpenApiSchemaReference(DocumentDescription.ErrorSchema, context.Document!)),
            };
        }
        return responses;
    }

    private static async Task<OpenApiResponse> SuccessAsync(SuccessDoc success, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        IOpenApiSchema? schema = success.Type is { } type
            ? await SchemaComponents.ReferenceAsync(type, context, cancellationToken)
            : success.Schema?.Invoke();
        return new OpenApiResponse
        {
            Description = success.Description,
            Content = schema is null ? null : new Dictionary<string, OpenApiMediaType> { [success.ContentType] = new() { Schema = schema } },
        };
    }

    /// <summary>One cause as it is; several as a list, in the order the route and then the pipeline name them.</summary>
    private static string Describe(IReadOnlyList<string> causes) =>
        causes.Count == 1 ? causes[0] : string.Join("\n", causes.Select(cause => $"- {cause}"));

    private static Dictionary<string, OpenApiMediaType> Json(IOpenApiSchema schema) => new() { ["application/json"] = new() { Schema = schema } };

    private static string Code(int status) => status.ToString(CultureInfo.InvariantCulture);
}
