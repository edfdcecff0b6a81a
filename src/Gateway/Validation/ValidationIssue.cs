using System.Text.Json.Serialization;

namespace Paperclip.Gateway.Validation;

/// <summary>
/// One problem with a request body, shaped like the reference's zod issues
/// (<c>{"code":"invalid_type","expected":"string","received":"undefined","path":["title"],"message":"Required"}</c>).
/// </summary>
public sealed record ValidationIssue(
    string Code,
    IReadOnlyList<object> Path,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Expected = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Received = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Options = null)
{
    /// <summary>PostgreSQL text cannot hold U+0000, so text with one is refused before it reaches SQL.</summary>
    public static ValidationIssue NulCharacter(string name) =>
        new("invalid_string", [name], "String must not contain NUL characters");
}
