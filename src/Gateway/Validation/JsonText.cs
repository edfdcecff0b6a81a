using System.Text.Json;

namespace Paperclip.Gateway.Validation;

/// <summary>
/// Finds JSON strings that are syntactically valid but are not text: a <c>\uD800</c>-style escape
/// without its other surrogate half. Such a value cannot be turned into a .NET string or written
/// back out, so letting it through would fail a request after the write, or poison every later
/// read of the stored record.
/// </summary>
public static class JsonText
{
    /// <summary>The path of the first value (or the object holding the first key) that is not valid UTF-16 text, else null.</summary>
    public static IReadOnlyList<object>? FindInvalid(JsonElement element)
    {
        var path = new List<object>();
        return Walk(element, path) ? null : path;
    }

    private static bool Walk(JsonElement element, List<object> path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsText(() => element.GetString());
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    path.Add(index++);
                    if (!Walk(item, path))
                    {
                        return false;
                    }
                    path.RemoveAt(path.Count - 1);
                }
                return true;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsText(() => property.Name))
                    {
                        return false;
                    }
                    path.Add(property.Name);
                    if (!Walk(property.Value, path))
                    {
                        return false;
                    }
                    path.RemoveAt(path.Count - 1);
                }
                return true;
            default:
                return true;
        }
    }

    private static bool IsText(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
