using System.Globalization;
using System.Text;

namespace Paperclip.Gateway.Attachments;

/// <summary>
/// The names an upload is known by: its file name as stored and shown, the
/// <c>Content-Disposition</c> it is served with, and the reference's object key (§2.7).
/// </summary>
public static class AttachmentNames
{
    /// <summary>The longest file name kept, in UTF-16 code units (most file systems allow 255 bytes).</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>
    /// The client's file name without any path (<c>../../etc/passwd</c> is <c>passwd</c>), control
    /// characters (CR, LF, NUL, …) or bidirectional overrides (which disguise an extension), at most
    /// <see cref="MaxFileNameLength"/> long with its extension kept; <c>null</c> when nothing is left.
    /// </summary>
    public static string? SanitizeFileName(string? raw)
    {
        if (raw is null)
        {
            return null;
        }
        var kept = new StringBuilder();
        // Runes: an unpaired surrogate comes out as U+FFFD, so the name is always valid UTF-8.
        foreach (var rune in raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..].EnumerateRunes())
        {
            if (!Rune.IsControl(rune) && Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                kept.Append(rune.ToString());
            }
        }
        var name = Shorten(kept.ToString().Trim());
        return name is "" or "." or ".." ? null : name;
    }

    /// <summary>Cuts the stem, not the extension, and never between the two halves of a surrogate pair.</summary>
    private static string Shorten(string name)
    {
        if (name.Length <= MaxFileNameLength)
        {
            return name;
        }
        var extension = Path.GetExtension(name);
        extension = extension.Length <= 16 ? extension : "";
        var end = MaxFileNameLength - extension.Length;
        if (char.IsHighSurrogate(name[end - 1]))
        {
            end--;
        }
        return name[..end] + extension;
    }

    /// <summary>
    /// <c>inline</c> or <c>attachment</c> with the name (RFC 6266): a quoted ASCII fallback, and
    /// the exact name as <c>filename*</c> when the fallback had to change it.
    /// </summary>
    public static string ContentDisposition(bool inline, string? fileName)
    {
        var name = fileName ?? "attachment";
        var fallback = string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_';
            }
        });
        var header = $"{(inline ? "inline" : "attachment")}; filename=\"{fallback}\"";
        return fallback == name ? header : $"{header}; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }

    /// <summary>
    /// The reference's key layout, <c>{company}/issues/{issue}/{yyyy}/{MM}/{dd}/{uuid}-{stem}{ext}</c>:
    /// the stem in <c>[A-Za-z0-9._-]</c> (at most 120, default <c>file</c>), the extension in lower case (at most 16).
    /// </summary>
    public static string ObjectKey(Guid companyId, Guid issueId, Guid objectId, string? fileName, DateTime now)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        extension = extension.Length is > 1 and <= 16 ? Safe(extension) : "";
        var stem = Safe(Path.GetFileNameWithoutExtension(fileName ?? ""));
        stem = stem.Length == 0 ? "file" : stem[..Math.Min(stem.Length, 120)];
        return $"{companyId}/issues/{issueId}/{now:yyyy'/'MM'/'dd}/{objectId}-{stem}{extension}";
    }

    private static string Safe(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_';
        }
    });
}
