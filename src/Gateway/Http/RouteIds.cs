using System.Text.RegularExpressions;
using Paperclip.Grains;

namespace Paperclip.Gateway.Http;

/// <summary>Turns path segments into ids. A malformed id is simply not found (404), never a 500.</summary>
public static partial class RouteIds
{
    public static Guid Parse(string raw, string notFoundMessage) =>
        Guid.TryParseExact(raw, "D", out var id) ? id : throw ApiException.NotFound(notFoundMessage);

    /// <summary>An issue reference: its UUID or its identifier (<c>PAP-12</c>, any case).</summary>
    public static async Task<Guid> ResolveIssueAsync(IGrainFactory grains, string raw)
    {
        if (Guid.TryParseExact(raw, "D", out var id))
        {
            return id;
        }
        if (IdentifierPattern().IsMatch(raw) && await grains.GetGrain<IQueryGrain>(0).FindIssueIdAsync(raw) is { } found)
        {
            return found;
        }
        throw ApiException.NotFound("Issue not found");
    }

    [GeneratedRegex("^[A-Za-z]+-[0-9]{1,9}$")]
    private static partial Regex IdentifierPattern();
}
