using Microsoft.OpenApi;
using Paperclip.Gateway.Apis;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="CommentsApi"/>.</summary>
public static class CommentsApiDocs
{
    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("GET", "/api/issues/{issueId}/comments", ApiTags.Comments, "List an issue's comments")
        {
            Description = "Newest first unless `order=asc`. A page ends at `limit`; the next page starts `after` its last comment.",
            Query =
            [
                Query("after", "Anchor: the page starts after this comment, in the chosen order (`afterCommentId` is accepted too). " +
                    "An unknown anchor gives an empty page.", () => Uuid()),
                Query("order", "`asc` for oldest first; anything else is newest first.", () => OneOf(["asc", "desc"])),
                Query("limit", $"Page size, at most {CommentsApi.MaxLimit} (also when absent or not a positive number).", () => Integer(minimum: 1)),
            ],
            Success = [Ok<IReadOnlyList<CommentResponse>>("One page of comments.")],
            Errors = [IssueNotFound],
        },
        new("GET", "/api/issues/{issueId}/comments/{commentId}", ApiTags.Comments, "Get a comment")
        {
            Success = [Ok<CommentResponse>("The comment.")],
            Errors = [IssueNotFound, NotFound("`Comment not found`: unknown, malformed or on another issue.")],
        },
        new("POST", "/api/issues/{issueId}/comments", ApiTags.Comments, "Add a comment")
        {
            Description = "Wakes the assignee agent (unless it wrote the comment) and every `@Name` or `[label](agent://{id})` mentioned agent. " +
                "Send `X-Paperclip-Run-Id` when an agent comments on its own in-progress issue.",
            Body = JsonBody(CommentBody, required: true),
            Success = [Created<CommentResponse>("The new comment.")],
            Errors =
            [
                Forbidden("`Only board users can interrupt active runs from issue comments`."),
                IssueNotFound,
                .. RunOwnershipGate,
            ],
        },
    ];

    private static OpenApiSchema CommentBody() => Object(
        Required("body", Text(InputLimits.LongText, minLength: 1), "Markdown."),
        Optional("reopen", Boolean(), "Reopen a `done` or `cancelled` issue to `todo`."),
        Optional("interrupt", Boolean(), "Board only: cancel the run working the issue."));
}
