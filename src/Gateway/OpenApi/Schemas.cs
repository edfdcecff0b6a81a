using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Paperclip.Gateway.Validation;

namespace Paperclip.Gateway.OpenApi;

/// <summary>
/// Builders of the JSON schemas of hand-read bodies and query values. Callers pass the limits and
/// enumerations the readers check (<see cref="InputLimits"/>, <c>IssueStatuses.All</c>, …), so the
/// document states the rules the server enforces rather than a copy of them.
/// </summary>
public static class Schemas
{
    public static OpenApiSchema Object(params Field[] fields) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = fields.ToDictionary(field => field.Name, field => (IOpenApiSchema)field.Schema),
        Required = fields.Where(field => field.IsRequired).Select(field => field.Name).ToHashSet(),
    };

    public static Field Required(string name, OpenApiSchema schema, string? description = null) => new(name, Described(schema, description), true);

    public static Field Optional(string name, OpenApiSchema schema, string? description = null) => new(name, Described(schema, description), false);

    /// <summary>Required when <paramref name="required"/>: create bodies need what updates may leave out.</summary>
    public static Field RequiredIf(bool required, string name, OpenApiSchema schema, string? description = null) =>
        new(name, Described(schema, description), required);

    public static OpenApiSchema Text(int maxLength, int minLength = 0, bool nullable = false) => new()
    {
        Type = Typed(JsonSchemaType.String, nullable),
        MaxLength = maxLength,
        MinLength = minLength > 0 ? minLength : null,
    };

    public static OpenApiSchema OneOf(IEnumerable<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value)!)],
    };

    public static OpenApiSchema Uuid(bool nullable = false) => Formatted(JsonSchemaType.String, "uuid", nullable);

    /// <summary>An ISO-8601 UTC timestamp, e.g. <c>2026-03-06T10:00:00.000Z</c>.</summary>
    public static OpenApiSchema Timestamp(bool nullable = false) => Formatted(JsonSchemaType.String, "date-time", nullable);

    /// <summary>A calendar day, <c>YYYY-MM-DD</c>.</summary>
    public static OpenApiSchema Date(bool nullable = false) => Formatted(JsonSchemaType.String, "date", nullable);

    public static OpenApiSchema Integer(int minimum, int? maximum = null) => new()
    {
        Type = JsonSchemaType.Integer,
        Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static OpenApiSchema Boolean() => new() { Type = JsonSchemaType.Boolean };

    /// <summary>Any JSON object, kept as sent (adapter settings, payloads), at most <see cref="InputLimits.MaxObjectBytes"/> serialized.</summary>
    public static OpenApiSchema FreeObject(bool nullable = false) => new()
    {
        Type = Typed(JsonSchemaType.Object, nullable),
        Description = $"Any JSON object, at most {InputLimits.MaxObjectBytes / 1024} KiB serialized.",
    };

    public static OpenApiSchema ArrayOf(OpenApiSchema items, int? maxItems = null, bool nonEmpty = false) => new()
    {
        Type = JsonSchemaType.Array,
        Items = items,
        MaxItems = maxItems,
        MinItems = nonEmpty ? 1 : null,
    };

    /// <summary>A JSON string of the given format (<c>binary</c> for raw bytes).</summary>
    public static OpenApiSchema Formatted(JsonSchemaType type, string format, bool nullable = false) => new()
    {
        Type = Typed(type, nullable),
        Format = format,
    };

    /// <summary>The one value a field always has (<c>{"ok": true}</c>).</summary>
    public static OpenApiSchema Constant(JsonSchemaType type, JsonNode value) => new() { Type = type, Enum = [value] };

    private static JsonSchemaType Typed(JsonSchemaType type, bool nullable) => nullable ? type | JsonSchemaType.Null : type;

    private static OpenApiSchema Described(OpenApiSchema schema, string? description)
    {
        if (description is not null)
        {
            schema.Description = schema.Description is null ? description : $"{description} {schema.Description}";
        }
        return schema;
    }
}

/// <summary>One property of a body schema.</summary>
public sealed record Field(string Name, OpenApiSchema Schema, bool IsRequired);
