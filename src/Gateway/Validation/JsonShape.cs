using System.Text.Json;

namespace Paperclip.Gateway.Validation;

/// <summary>
/// Checks a JSON body's size in values before it becomes a document: building a
/// <see cref="JsonDocument"/> costs memory per value, and validating it costs time per value,
/// so a 10 MB body of five million numbers must be refused by a forward-only read that
/// allocates nothing per element.
/// </summary>
public static class JsonShape
{
    /// <summary>The first bound the body breaks, or <c>null</c>. Throws <see cref="JsonException"/> when it is not JSON.</summary>
    public static ValidationIssue? FindOversized(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = InputLimits.MaxJsonDepth });
        // One frame per open array or object: its element count and, for objects, the current key.
        var frames = new List<(bool IsArray, int Count, string? Key)>();
        var values = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    frames[^1] = frames[^1] with { Key = PropertyName(ref reader) };
                    continue;
                case JsonTokenType.EndArray or JsonTokenType.EndObject:
                    frames.RemoveAt(frames.Count - 1);
                    continue;
            }
            if (++values > InputLimits.MaxJsonValues)
            {
                return new ValidationIssue("too_big", [], $"Body must contain at most {InputLimits.MaxJsonValues} values");
            }
            if (frames.Count > 0 && frames[^1].IsArray)
            {
                var count = frames[^1].Count + 1;
                frames[^1] = frames[^1] with { Count = count };
                if (count > InputLimits.MaxArrayItems)
                {
                    return new ValidationIssue("too_big", PathOf(frames.SkipLast(1)),
                        $"Array must contain at most {InputLimits.MaxArrayItems} element(s)");
                }
            }
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                frames.Add((reader.TokenType == JsonTokenType.StartArray, 0, null));
            }
        }
        return null;
    }

    /// <summary>The path to the current value of the innermost frame: each object's key, each array's index.</summary>
    private static List<object> PathOf(IEnumerable<(bool IsArray, int Count, string? Key)> frames) =>
        frames.Select(frame => frame.IsArray ? (object)(frame.Count - 1) : frame.Key ?? "").ToList();

    /// <summary>A key that is not valid text (a lone surrogate escape) is reported later, by <see cref="JsonText"/>.</summary>
    private static string PropertyName(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }
}
