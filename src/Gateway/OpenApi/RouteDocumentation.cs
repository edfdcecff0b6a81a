using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Paperclip.Gateway.OpenApi;

/// <summary>
/// Writes each operation from its <see cref="RouteCatalog"/> entry, matched by method and route
/// pattern: summary, tag, parameters, request body, answers and errors. Routes open to anyone
/// (<see cref="IAllowAnonymous"/>) need no credentials and resolve no caller, so they get neither
/// the bearer requirement, the run-id header nor the errors of caller resolution.
/// </summary>
public sealed class RouteDocumentation : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var api = context.Description;
        if (RouteCatalog.Find(api.HttpMethod ?? "", "/" + api.RelativePath) is not { } route)
        {
            // Left as inferred (no summary): the documentation tests name every such route.
            return;
        }
        var document = context.Document!;
        var open = api.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        operation.Summary = route.Summary;
        operation.Description = route.Description;
        operation.Tags = new HashSet<OpenApiTagReference> { new(route.Tag, document) };
        operation.Parameters = Parameters(operation.Parameters, route, open, document);
        operation.RequestBody = route.Body is { } body ? RequestBody(body) : null;
        operation.Responses = await OperationResponses.ForAsync(route, open, context, cancellationToken);
        if (open)
        {
            operation.Security = [];
        }
    }

    private static List<IOpenApiParameter> Parameters(IList<IOpenApiParameter>? inferred, RouteDoc route, bool open, OpenApiDocument document)
    {
        var parameters = new List<IOpenApiParameter>();
        foreach (var parameter in inferred ?? [])
        {
            if (parameter is OpenApiParameter { In: ParameterLocation.Path, Name: { } name } path)
            {
                path.Description ??= PathParameters.Describe(name);
            }
            parameters.Add(parameter);
        }
        parameters.AddRange(route.Query.Select(query => new OpenApiParameter
        {
            Name = query.Name,
            In = ParameterLocation.Query,
            Description = query.Description,
            Schema = query.Schema(),
        }));
        if (!open)
        {
            parameters.Add(new OpenApiParameterReference(DocumentDescription.RunIdParameter, document));
        }
        return parameters;
    }

    private static OpenApiRequestBody RequestBody(BodyDoc body) => new()
    {
        Required = body.Required,
        Content = new Dictionary<string, OpenApiMediaType> { [body.ContentType] = new() { Schema = body.Schema() } },
    };
}
