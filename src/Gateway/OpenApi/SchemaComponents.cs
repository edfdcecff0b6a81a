using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Paperclip.Gateway.OpenApi;

/// <summary>
/// Response records as shared component schemas. <c>GetOrCreateSchemaAsync</c> answers a record's
/// schema with every nested record inlined; this moves each record (marked by the generator's
/// <c>x-schema-id</c>) into <c>components/schemas</c> once and refers to it, as the built-in
/// generator does for types it infers itself, so <c>IssueResponse</c> or <c>Label</c> is described
/// once however many answers carry it.
/// </summary>
public static class SchemaComponents
{
    private const string SchemaIdKey = "x-schema-id";
    private const string NullablePropertyKey = "x-is-nullable-property";

    public static async Task<IOpenApiSchema> ReferenceAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        return Share(schema, context.Document!);
    }

    private static IOpenApiSchema Share(IOpenApiSchema schema, OpenApiDocument document)
    {
        if (schema is not OpenApiSchema inline)
        {
            return schema;
        }
        if (inline.Properties is { } properties)
        {
            foreach (var name in properties.Keys.ToList())
            {
                properties[name] = Share(properties[name], document);
            }
        }
        if (inline.Items is { } items)
        {
            inline.Items = Share(items, document);
        }
        if (inline.AdditionalProperties is { } values)
        {
            inline.AdditionalProperties = Share(values, document);
        }
        if (!IsRecord(inline, out var id))
        {
            return inline;
        }
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(id, inline);
        var reference = new OpenApiSchemaReference(id, document);
        // A nullable record property keeps its null: the reference alone would forbid it.
        return inline.Metadata?.TryGetValue(NullablePropertyKey, out var nullable) == true && nullable is true
            ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] }
            : reference;
    }

    /// <summary>An object with properties that the generator named after its type; lists and free-form JSON stay inline.</summary>
    private static bool IsRecord(OpenApiSchema schema, out string id)
    {
        id = schema.Metadata?.TryGetValue(SchemaIdKey, out var value) == true && value is string name ? name : "";
        return id.Length > 0 && schema.Properties is { Count: > 0 };
    }
}
