namespace Paperclip.Gateway.Attachments;

/// <summary>Content types of uploads: how they are compared and how they are served.</summary>
public static class AttachmentTypes
{
    /// <summary>What a part without a usable type is (multer's default too).</summary>
    public const string Unknown = "application/octet-stream";

    /// <summary>
    /// Types shown in the browser (<c>inline</c>). Everything else is served as a download, above
    /// all what a browser would run as a page of ours (HTML, SVG, XML): nosniff stops guessing,
    /// this stops the stored type itself from executing.
    /// </summary>
    private static readonly HashSet<string> Inline =
    [
        "image/png", "image/jpeg", "image/jpg", "image/webp", "image/gif", "application/pdf",
        "text/plain", "text/markdown", "text/csv", "application/json",
    ];

    /// <summary>
    /// The media type alone, lower case (CONTRACT §7: <c>text/plain; charset=utf-8</c> is
    /// <c>text/plain</c>); <see cref="Unknown"/> when missing or not <c>type/subtype</c>.
    /// </summary>
    public static string Normalize(string? header)
    {
        var essence = (header ?? "").Split(';', 2)[0].Trim().ToLowerInvariant();
        var slash = essence.IndexOf('/');
        return slash > 0 && slash < essence.Length - 1 && essence.IndexOf('/', slash + 1) < 0 && essence.All(IsTokenOrSlash)
            ? essence
            : Unknown;
    }

    public static bool ShowsInline(string mediaType) => Inline.Contains(mediaType);

    /// <summary>RFC 9110 token characters (plus the one slash), so a stored type is always a safe header value.</summary>
    private static bool IsTokenOrSlash(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~/".Contains(c);
}
