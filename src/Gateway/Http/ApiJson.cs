using System.Text.Json;
using System.Text.Json.Serialization;
using Paperclip.Grains.Json;

namespace Paperclip.Gateway.Http;

/// <summary>The API's JSON: camelCase, nulls written out, timestamps as <c>2026-03-06T10:00:00.000Z</c>.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Like the reference (Node): quotes and non-ASCII text are written as they are, not as \uXXXX.
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new UtcMillisecondsJsonConverter());
    }

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Raw JSON text kept in a record, as a JSON value of the response (null stays null).</summary>
    public static JsonElement? Raw(string? json) =>
        json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
