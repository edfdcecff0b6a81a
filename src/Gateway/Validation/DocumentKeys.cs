using System.Text.RegularExpressions;
using Paperclip.Gateway.Http;

namespace Paperclip.Gateway.Validation;

/// <summary>
/// Document keys of the path (reference §7): trimmed and lower-cased first, so <c>Plan</c> is
/// <c>plan</c>; then 1–64 characters of <c>[a-z0-9_-]</c> starting with a letter or digit, else
/// 400 <c>Invalid document key</c> with the zod-shaped issue of the rule broken.
/// </summary>
public static partial class DocumentKeys
{
    public const int MaxLength = 64;

    public static string Normalize(string raw)
    {
        var key = raw.Trim().ToLowerInvariant();
        ValidationIssue? issue = key.Length == 0
            ? new("too_small", [], "String must contain at least 1 character(s)")
            : key.Length > MaxLength
                ? new("too_big", [], $"String must contain at most {MaxLength} character(s)")
                : KeyPattern().IsMatch(key) ? null : new("invalid_string", [], "Document key must be lowercase letters, numbers, _ or -");
        return issue is null ? key : throw new ApiException(StatusCodes.Status400BadRequest, "Invalid document key", new[] { issue });
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex KeyPattern();
}
