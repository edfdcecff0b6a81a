using System.Globalization;

namespace Paperclip.Gateway.Attachments;

/// <summary>
/// Upload limits (reference §8, CONTRACT §7): <c>PAPERCLIP_ATTACHMENT_MAX_BYTES</c> (default
/// 10 MiB), <c>PAPERCLIP_ATTACHMENT_UPLOAD_SECONDS</c> (default 300) and <c>PAPERCLIP_ALLOWED_ATTACHMENT_TYPES</c> (a comma list of exact types,
/// <c>type/*</c>, <c>prefix*</c> or <c>*</c>; default the reference's list).
/// </summary>
public sealed record AttachmentSettings
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyList<string> DefaultAllowedTypes =
    [
        "image/png", "image/jpeg", "image/jpg", "image/webp", "image/gif", "application/pdf",
        "text/markdown", "text/plain", "application/json", "text/csv", "text/html",
    ];

    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// The longest an upload may take. An upload holds a database transaction open while its body
    /// arrives, so a client trickling bytes must not hold it for hours (5 minutes is 10 MiB at 35 KB/s).
    /// </summary>
    public TimeSpan UploadTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<string> AllowedTypes { get; init; } = DefaultAllowedTypes;

    /// <summary>Whether a media type (already without parameters, lower case) may be uploaded.</summary>
    public bool Allows(string mediaType) => AllowedTypes.Any(pattern =>
        pattern == "*"
        || (pattern.EndsWith('*') && mediaType.StartsWith(pattern[..^1], StringComparison.Ordinal))
        || pattern == mediaType);

    public static AttachmentSettings From(IConfiguration configuration)
    {
        var settings = new AttachmentSettings();
        if (configuration["PAPERCLIP_ATTACHMENT_MAX_BYTES"] is { Length: > 0 } max)
        {
            settings = settings with
            {
                MaxBytes = long.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
                    ? bytes
                    : throw new InvalidOperationException($"PAPERCLIP_ATTACHMENT_MAX_BYTES must be a positive number of bytes, not '{max}'."),
            };
        }
        if (configuration["PAPERCLIP_ATTACHMENT_UPLOAD_SECONDS"] is { Length: > 0 } timeout)
        {
            settings = settings with
            {
                UploadTimeout = int.TryParse(timeout, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                    ? TimeSpan.FromSeconds(seconds)
                    : throw new InvalidOperationException($"PAPERCLIP_ATTACHMENT_UPLOAD_SECONDS must be a positive number of seconds, not '{timeout}'."),
            };
        }
        if (configuration["PAPERCLIP_ALLOWED_ATTACHMENT_TYPES"] is { Length: > 0 } types)
        {
            settings = settings with
            {
                AllowedTypes = types.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(type => type.ToLowerInvariant()).ToList(),
            };
        }
        return settings;
    }
}
