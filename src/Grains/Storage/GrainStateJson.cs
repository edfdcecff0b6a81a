using System.Text.Json;
using System.Text.Json.Serialization;
using Paperclip.Grains.Json;

namespace Paperclip.Grains.Storage;

/// <summary>
/// How grain state is written to (and read back from) the jsonb column. The list queries read
/// the same JSON, so storage and queries share these options: camelCase names and fixed-width
/// UTC timestamps (the list index sorts <c>updatedAt</c> as text).
/// </summary>
public static class GrainStateJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // jsonb reorders keys; metadata such as $type must not depend on key order.
        options.AllowOutOfOrderMetadataProperties = true;
        options.Converters.Add(new UtcMillisecondsJsonConverter());
    }

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }
}
