using System.Text.Encodings.Web;
using System.Text.Json;
using Paperclip.Grains.Json;

namespace Paperclip.Gateway.Http;

/// <summary>The API's JSON: the shared conventions, with text written as the reference (Node) writes it.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        JsonConventions.Apply(options);
        // Quotes and non-ASCII text are written as they are, not as \uXXXX.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    public static JsonSerializerOptions Options { get; } = JsonConventions.Frozen(Configure);

    /// <summary>Raw JSON text kept in a record, as a JSON value of the response (null stays null).</summary>
    public static JsonElement? Raw(string? json) =>
        json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
