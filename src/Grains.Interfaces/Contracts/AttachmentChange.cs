namespace Paperclip.Grains;

/// <summary>
/// An attachment the gateway has just stored or removed (reference §8), for the activity
/// log. Only metadata: the bytes never pass through a grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.AttachmentChange")]
public sealed record AttachmentChange(
    [property: Id(0)] Guid AttachmentId,
    [property: Id(1)] bool Added,
    [property: Id(2)] string? OriginalFilename,
    [property: Id(3)] string? ContentType,
    [property: Id(4)] long? ByteSize);
