using Microsoft.OpenApi;
using Paperclip.Gateway.Attachments;
using Paperclip.Gateway.Responses;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="Apis.AttachmentsApi"/>.</summary>
public static class AttachmentsApiDocs
{
    private static readonly ErrorDoc AttachmentNotFound = NotFound("`Attachment not found`: unknown, malformed or another company's.");

    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("POST", "/api/companies/{companyId}/issues/{issueId}/attachments", ApiTags.Attachments, "Upload an attachment")
        {
            Description = "A `multipart/form-data` body with one file in the field `file`, streamed to storage as it arrives. Size " +
                "(`PAPERCLIP_ATTACHMENT_MAX_BYTES`, default 10 MiB), types (`PAPERCLIP_ALLOWED_ATTACHMENT_TYPES`) and upload time " +
                "(`PAPERCLIP_ATTACHMENT_UPLOAD_SECONDS`) are bounded; a failed upload stores nothing.",
            Body = new BodyDoc("multipart/form-data", UploadForm, Required: true),
            Success = [Created<AttachmentResponse>("The attachment, with the paths to read it.")],
            Errors =
            [
                BadRequest("`Missing file field 'file'`, `Unexpected field`, `Too many files`, `Field value too long`, or " +
                    "`Invalid attachment metadata` (a malformed `issueCommentId`)."),
                OtherCompany,
                CompanyNotFound,
                IssueNotFound,
                NotFound("`Issue comment not found`."),
                new(StatusCodes.Status408RequestTimeout, "`Upload took longer than N seconds`: nothing was stored."),
                new(StatusCodes.Status413PayloadTooLarge, "`Request body too large`: far past the file limit."),
                Unprocessable("`Attachment exceeds N bytes`, `Unsupported attachment type: …`, `Attachment is empty`, " +
                    "`Issue does not belong to company`, or `Attachment comment must belong to same issue and company`."),
            ],
        },
        new("GET", "/api/issues/{issueId}/attachments", ApiTags.Attachments, "List an issue's attachments")
        {
            Success = [Ok<IReadOnlyList<AttachmentResponse>>("The attachments, newest first.")],
            Errors = [IssueNotFound],
        },
        new("GET", "/api/attachments/{attachmentId}/content", ApiTags.Attachments, "Download an attachment")
        {
            Description = "The stored bytes under their stored `Content-Type`, with `X-Content-Type-Options: nosniff`. Types a browser " +
                "would run (HTML, SVG) are always served as a download.",
            Query = [Query("download", "`1` asks for `Content-Disposition: attachment` rather than `inline`.", () => OneOf(["1"]))],
            Success = [Ok("The file's bytes.", () => Formatted(JsonSchemaType.String, "binary"), contentType: "*/*")],
            Errors = [AttachmentNotFound],
        },
        new("DELETE", "/api/attachments/{attachmentId}", ApiTags.Attachments, "Delete an attachment")
        {
            Success = [Deleted],
            Errors = [AttachmentNotFound],
        },
    ];

    private static OpenApiSchema UploadForm() => Object(
        Required(AttachmentForm.FileField, Formatted(JsonSchemaType.String, "binary"), "The file; its part's content type is checked against the allow-list."),
        Optional(AttachmentForm.CommentField, Uuid(), "A comment of the same issue the file belongs to."));
}
