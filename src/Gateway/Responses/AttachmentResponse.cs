using Paperclip.Gateway.Attachments;

namespace Paperclip.Gateway.Responses;

/// <summary>
/// The attachment object of the API (reference §2.7 and its transcript): the row, where to read
/// the bytes (<c>contentPath</c>, <c>openPath</c>) and where to download them (<c>downloadPath</c>).
/// </summary>
public sealed record AttachmentResponse(
    Guid Id, Guid CompanyId, Guid IssueId, Guid? IssueCommentId, Guid AssetId, string Provider, string ObjectKey,
    string ContentType, long ByteSize, string Sha256, string? OriginalFilename, Guid? CreatedByAgentId, string? CreatedByUserId,
    DateTime CreatedAt, DateTime UpdatedAt, string ContentPath, string OpenPath, string DownloadPath);

public static class AttachmentResponses
{
    public static string ContentPath(Guid attachmentId) => $"/api/attachments/{attachmentId}/content";

    public static AttachmentResponse ToResponse(this StoredAttachment attachment) => new(
        attachment.Id, attachment.CompanyId, attachment.IssueId, attachment.IssueCommentId, attachment.AssetId, attachment.Provider,
        attachment.ObjectKey, attachment.ContentType, attachment.ByteSize, attachment.Sha256, attachment.OriginalFilename,
        attachment.CreatedByAgentId, attachment.CreatedByUserId, attachment.CreatedAt, attachment.UpdatedAt,
        ContentPath(attachment.Id), ContentPath(attachment.Id), $"{ContentPath(attachment.Id)}?download=1");
}
