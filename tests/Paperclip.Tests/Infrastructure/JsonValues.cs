using System.Text.Json;

namespace Paperclip.Tests.Infrastructure;

/// <summary>Short reads of response JSON, so assertions say what they check rather than how to dig.</summary>
public static class JsonValues
{
    /// <summary>The property's string, or <c>null</c> when it is JSON null (a missing property throws).</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.Null } ? null : element.GetProperty(name).GetString();

    public static Guid? GuidOrNull(this JsonElement element, string name) =>
        element.Text(name) is { } text ? Guid.Parse(text) : null;

    public static DateTime Time(this JsonElement element, string name) =>
        DateTime.Parse(element.Text(name)!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

    public static bool IsNull(this JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null;

    /// <summary>One string property of every object of a JSON array, in order.</summary>
    public static List<string?> Column(this JsonElement array, string name) =>
        [.. array.EnumerateArray().Select(item => item.Text(name))];

    /// <summary>The ids of the objects of a JSON array, in order.</summary>
    public static List<Guid> Ids(this JsonElement array) =>
        [.. array.EnumerateArray().Select(item => Guid.Parse(item.Text("id")!))];

    /// <summary>The <c>path</c> of each zod-like issue of a 400's <c>details</c>, joined with dots.</summary>
    public static List<string> DetailPaths(this ApiResponse response) =>
        [.. response.Body.GetProperty("details").EnumerateArray()
            .Select(issue => string.Join('.', issue.GetProperty("path").EnumerateArray().Select(part => part.ToString())))];
}
