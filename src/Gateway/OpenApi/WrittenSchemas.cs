using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Paperclip.Gateway.OpenApi;

/// <summary>
/// Makes record schemas describe what the API writes. The generator describes two things from the
/// serializer's reading side: the web defaults also read numbers from strings (so every integer
/// came out as "integer or string" with a digits pattern), and the API's timestamp converter hides
/// that a <see cref="DateTime"/> is a string. Answers carry numbers as numbers and timestamps as
/// ISO-8601 UTC strings, and no request body is read through that serializer.
/// </summary>
public sealed class WrittenSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(DateTime))
        {
            schema.Type = type == typeof(DateTime) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }
        else if (schema.Type is { } written && written.HasFlag(JsonSchemaType.String)
            && (written.HasFlag(JsonSchemaType.Integer) || written.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = written & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }
}
