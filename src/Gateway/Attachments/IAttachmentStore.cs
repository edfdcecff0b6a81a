namespace Paperclip.Gateway.Attachments;

/// <summary>
/// Where attachments live: their rows and their bytes. Bytes go from the request to storage and
/// back without passing a grain (ARCHITECTURE). PostgreSQL today; an object store would keep the
/// same rows and put the bytes elsewhere.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Starts storing one upload; nothing is visible before <see cref="IAttachmentUpload.CommitAsync"/>.</summary>
    Task<IAttachmentUpload> BeginAsync(Guid attachmentId, CancellationToken cancellation);

    /// <summary>The attachment, or <c>null</c>.</summary>
    Task<StoredAttachment?> FindAsync(Guid attachmentId, CancellationToken cancellation);

    /// <summary>An issue's attachments, newest first.</summary>
    Task<IReadOnlyList<StoredAttachment>> ListAsync(Guid issueId, CancellationToken cancellation);

    /// <summary>The attachment with its bytes ready to copy, as of one moment; <c>null</c> when there is none.</summary>
    Task<IAttachmentContent?> OpenAsync(Guid attachmentId, CancellationToken cancellation);

    /// <summary>Removes the attachment and its bytes; <c>false</c> when it was already gone.</summary>
    Task<bool> DeleteAsync(Guid attachmentId, CancellationToken cancellation);
}

/// <summary>One upload in progress. Disposing it without a commit leaves nothing behind.</summary>
public interface IAttachmentUpload : IAsyncDisposable
{
    /// <summary>Stores the content as it is read; 422 past the limit.</summary>
    Task WriteAsync(MeteredContent content, CancellationToken cancellation);

    /// <summary>
    /// Makes the upload visible, checking in the same transaction that the issue still exists
    /// (404 <c>Issue not found</c>) and that the comment, if any, is one of it (404/422).
    /// </summary>
    Task<StoredAttachment> CommitAsync(StoredAttachment attachment, CancellationToken cancellation);
}

/// <summary>A stored attachment with its bytes, readable once.</summary>
public interface IAttachmentContent : IAsyncDisposable
{
    StoredAttachment Attachment { get; }

    Task CopyToAsync(Stream target, CancellationToken cancellation);
}

/// <summary>An attachment's row (reference §2.7: the asset and the issue attachment in one).</summary>
public sealed record StoredAttachment(
    Guid Id,
    Guid CompanyId,
    Guid IssueId,
    Guid? IssueCommentId,
    Guid AssetId,
    string Provider,
    string ObjectKey,
    string ContentType,
    long ByteSize,
    string Sha256,
    string? OriginalFilename,
    Guid? CreatedByAgentId,
    string? CreatedByUserId,
    DateTime CreatedAt,
    DateTime UpdatedAt);
