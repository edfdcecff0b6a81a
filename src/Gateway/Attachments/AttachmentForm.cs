using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Attachments;

/// <summary>
/// Reads an upload's <c>multipart/form-data</c> body part by part (reference §8: field
/// <c>file</c>, optional <c>issueCommentId</c>) and streams the file into the store as it
/// arrives, with the reference's errors.
/// </summary>
public static class AttachmentForm
{
    public const string FileField = "file";
    public const string CommentField = "issueCommentId";

    /// <summary>Room for the part headers and the other fields around the file, beyond the file limit.</summary>
    public const long MultipartOverhead = 64 * 1024;

    /// <summary>The most a text field may hold (an id needs 36).</summary>
    private const int MaxFieldBytes = 1024;

    public static async Task<StoredAttachment> SaveAsync(
        HttpRequest request, Issue issue, Actor actor, AttachmentSettings settings, IAttachmentStore store, DateTime now)
    {
        var aborted = request.HttpContext.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(settings.UploadTimeout);
        var cancellation = deadline.Token;
        var missingFile = new ApiException(StatusCodes.Status400BadRequest, $"Missing file field '{FileField}'");
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw missingFile;
        }
        var reader = new MultipartReader(boundary, request.Body);
        var id = Guid.NewGuid();
        IAttachmentUpload? upload = null;
        try
        {
            string? fileName = null, contentType = null, commentId = null;
            long size = 0;
            var sha256 = "";
            while (await reader.ReadNextSectionAsync(cancellation) is { } section)
            {
                if (section.GetContentDispositionHeader() is not { } disposition)
                {
                    continue;
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (!disposition.IsFileDisposition())
                {
                    if (name == CommentField)
                    {
                        commentId = await ReadFieldAsync(section.Body, cancellation);
                    }
                    continue;
                }
                if (name != FileField)
                {
                    throw new ApiException(StatusCodes.Status400BadRequest, "Unexpected field");
                }
                if (upload is not null)
                {
                    throw new ApiException(StatusCodes.Status400BadRequest, "Too many files");
                }
                contentType = AttachmentTypes.Normalize(section.ContentType);
                if (!settings.Allows(contentType))
                {
                    throw new ApiException(StatusCodes.Status422UnprocessableEntity, $"Unsupported attachment type: {contentType}");
                }
                fileName = AttachmentNames.SanitizeFileName(
                    disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
                upload = await store.BeginAsync(id, cancellation);
                using var content = new MeteredContent(section.Body, settings.MaxBytes);
                await upload.WriteAsync(content, cancellation);
                (size, sha256) = (content.Length, content.Sha256);
            }
            if (upload is null)
            {
                throw missingFile;
            }
            if (size == 0)
            {
                throw new ApiException(StatusCodes.Status422UnprocessableEntity, "Attachment is empty");
            }
            return await upload.CommitAsync(new StoredAttachment(
                id, issue.CompanyId, issue.Id, ParseCommentId(commentId), Guid.NewGuid(), PostgresAttachmentStore.Provider,
                AttachmentNames.ObjectKey(issue.CompanyId, issue.Id, Guid.NewGuid(), fileName, now), contentType!, size, sha256,
                fileName, actor.IsAgent ? actor.AgentId : null, actor.IsAgent ? null : actor.UserId, now, now), cancellation);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            throw new ApiException(StatusCodes.Status408RequestTimeout,
                $"Upload took longer than {settings.UploadTimeout.TotalSeconds:F0} seconds");
        }
        finally
        {
            if (upload is not null)
            {
                await upload.DisposeAsync();
            }
        }
    }

    /// <summary>A text field, refused (400) past <see cref="MaxFieldBytes"/> rather than read whole.</summary>
    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellation)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(filled), cancellation)) > 0)
        {
            filled += read;
        }
        return filled > MaxFieldBytes
            ? throw new ApiException(StatusCodes.Status400BadRequest, "Field value too long")
            : Encoding.UTF8.GetString(buffer, 0, filled);
    }

    /// <summary>The optional comment id; anything but a UUID is the reference's 400 with zod details.</summary>
    private static Guid? ParseCommentId(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }
        return Guid.TryParseExact(raw, "D", out var id)
            ? id
            : throw new ApiException(StatusCodes.Status400BadRequest, "Invalid attachment metadata",
                new[] { new ValidationIssue("invalid_string", [CommentField], "Invalid uuid") });
    }
}
