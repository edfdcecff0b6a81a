using System.Text;

namespace Paperclip.Gateway.Responses;

/// <summary>The reference's slug rule for project and agent <c>urlKey</c>: lower case, non-alphanumerics to <c>-</c>, trimmed.</summary>
public static class UrlKeys
{
    public static string From(string name, Guid fallbackId)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (keep)
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var key = slug.ToString().Trim('-');
        return key.Length > 0 ? key : fallbackId.ToString();
    }
}
