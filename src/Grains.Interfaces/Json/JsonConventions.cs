using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Paperclip.Grains.Json;

/// <summary>
/// The JSON conventions shared by the API and by stored grain state: camelCase names, nulls
/// written out, timestamps as fixed-width UTC milliseconds. Stored state and responses use the
/// same names, which is what lets list SQL read the stored JSON directly.
/// </summary>
public static class JsonConventions
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new UtcMillisecondsJsonConverter());
    }

    /// <summary>Options configured by <paramref name="configure"/> and frozen (thread-safe, cached metadata).</summary>
    public static JsonSerializerOptions Frozen(Action<JsonSerializerOptions> configure)
    {
        var options = new JsonSerializerOptions();
        configure(options);
        options.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }
}
