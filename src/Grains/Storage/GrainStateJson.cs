using System.Text.Json;
using Paperclip.Grains.Json;

namespace Paperclip.Grains.Storage;

/// <summary>
/// How grain state is written to (and read back from) the jsonb column. The list queries read the
/// same JSON, so storage and queries share these options (the list index sorts <c>updatedAt</c> as text).
/// </summary>
public static class GrainStateJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        JsonConventions.Apply(options);
        // jsonb reorders keys; metadata such as $type must not depend on key order.
        options.AllowOutOfOrderMetadataProperties = true;
    }

    public static JsonSerializerOptions Options { get; } = JsonConventions.Frozen(Configure);
}
