using Microsoft.OpenApi;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="Apis.DocumentsApi"/>.</summary>
public static class DocumentsApiDocs
{
    private const string Documents = "/api/issues/{issueId}/documents";

    private static readonly ErrorDoc InvalidKey = BadRequest("`Invalid document key` (details: the rule broken).");
    private static readonly ErrorDoc DocumentNotFound = NotFound("`Document not found`.");

    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("GET", Documents, ApiTags.Documents, "List an issue's documents")
        {
            Success = [Ok<IReadOnlyList<DocumentResponse>>("Every document with its latest body, by key.")],
            Errors = [IssueNotFound],
        },
        new("GET", $"{Documents}/{{key}}", ApiTags.Documents, "Get a document")
        {
            Success = [Ok<DocumentResponse>("The document with its latest body.")],
            Errors = [InvalidKey, IssueNotFound, DocumentNotFound],
        },
        new("PUT", $"{Documents}/{{key}}", ApiTags.Documents, "Create or update a document")
        {
            Description = "Omit `baseRevisionId` to create; to update, send the `latestRevisionId` you read. Of concurrent writers from " +
                "the same base exactly one succeeds; the others get 409 with `details.currentRevisionId`.",
            Body = JsonBody(DocumentBody, required: true),
            Success =
            [
                Ok<DocumentResponse>("Updated: a new revision is the latest."),
                Created<DocumentResponse>("Created, at revision 1."),
            ],
            Errors =
            [
                InvalidKey,
                IssueNotFound,
                .. RunOwnershipGate,
                Conflict("`Document update requires baseRevisionId`, `Document was updated by someone else` " +
                    "(details: `currentRevisionId`), or `Document does not exist yet` (details: `key`)."),
                Unprocessable("`An issue can have at most … documents`."),
            ],
        },
        new("DELETE", $"{Documents}/{{key}}", ApiTags.Documents, "Delete a document")
        {
            Description = "Board only; the document's revisions go with it.",
            Success = [Deleted],
            Errors = [InvalidKey, BoardOnly, IssueNotFound, DocumentNotFound],
        },
        new("GET", $"{Documents}/{{key}}/revisions", ApiTags.Documents, "List a document's revisions")
        {
            Success = [Ok<IReadOnlyList<DocumentRevisionResponse>>("The revisions, newest first; none for a key without a document.")],
            Errors = [InvalidKey, IssueNotFound],
        },
        new("POST", $"{Documents}/{{key}}/revisions/{{revisionId}}/restore", ApiTags.Documents, "Restore a document revision")
        {
            Description = "Appends a new revision with the body of an earlier one. No body.",
            Success = [Ok<DocumentResponse>("The document at its new revision.")],
            Errors = [InvalidKey, IssueNotFound, DocumentNotFound, NotFound("`Document revision not found`."), .. RunOwnershipGate],
        },
    ];

    private static OpenApiSchema DocumentBody() => Object(
        Required("format", OneOf(DocumentFormats.All)),
        Required("body", Text(InputLimits.DocumentBody), "Markdown; may be empty."),
        Optional("title", Text(InputLimits.DocumentTitle, nullable: true), "Trimmed."),
        Optional("changeSummary", Text(InputLimits.ChangeSummary, nullable: true), "Trimmed."),
        Optional("baseRevisionId", Uuid(nullable: true), "The revision this write builds on; omit to create."));
}
