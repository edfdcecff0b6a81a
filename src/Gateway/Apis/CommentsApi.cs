using System.Globalization;
using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>An issue's comments (reference §4.9, CONTRACT §5).</summary>
public static class CommentsApi
{
    /// <summary>The most comments one page returns (reference §4.9).</summary>
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapCommentsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/issues/{issueId}/comments", ListAsync);
        routes.MapGet("/api/issues/{issueId}/comments/{commentId}", GetAsync);
        routes.MapPost("/api/issues/{issueId}/comments", AddAsync);
        return routes;
    }

    /// <summary>
    /// Newest first unless <c>order=asc</c>; <c>after</c>/<c>afterCommentId</c> anchors the page
    /// after that comment in the chosen order. A <c>limit</c> that is not a positive number is
    /// ignored, as by the reference; unlike the reference, a page never holds more than
    /// <see cref="MaxLimit"/> comments (a longer thread is read page by page with the anchor).
    /// </summary>
    private static async Task<IResult> ListAsync(string issueId, HttpContext context, IGrainFactory grains)
    {
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        var query = context.Request.Query;
        var anchor = query["after"].FirstOrDefault(value => !string.IsNullOrEmpty(value))
            ?? query["afterCommentId"].FirstOrDefault(value => !string.IsNullOrEmpty(value));
        if (anchor is not null && !Guid.TryParseExact(anchor, "D", out _))
        {
            // Not the id of any comment, so not one of this issue: an empty page, as for an unknown id.
            return TypedResults.Ok(Array.Empty<CommentResponse>());
        }
        var ascending = string.Equals(query["order"].FirstOrDefault(), "asc", StringComparison.OrdinalIgnoreCase);
        var limit = double.TryParse(query["limit"].FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number >= 1 ? (int)Math.Min(Math.Floor(number), MaxLimit) : MaxLimit;
        var comments = await grains.GetGrain<IQueryGrain>(0).ListCommentsAsync(
            new CommentPage(issue.Id, anchor is null ? null : Guid.Parse(anchor), ascending, limit), context.RequestAborted);
        return TypedResults.Ok(comments.Select(comment => comment.ToResponse()));
    }

    private static async Task<IResult> GetAsync(string issueId, string commentId, HttpContext context, IGrainFactory grains)
    {
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        var id = RouteIds.Parse(commentId, "Comment not found");
        var comment = await grains.GetGrain<IQueryGrain>(0).GetCommentAsync(issue.Id, id);
        return comment is null ? ApiErrors.NotFound("Comment not found") : TypedResults.Ok(comment.ToResponse());
    }

    private static async Task<IResult> AddAsync(string issueId, HttpContext context, IGrainFactory grains)
    {
        var body = await BodyReader.ReadAsync(context.Request);
        var text = body.String("body", InputLimits.LongText, required: true, minLength: 1);
        var reopen = body.Boolean("reopen");
        var interrupt = body.Boolean("interrupt");
        body.ThrowIfInvalid();
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        var reply = await grains.GetGrain<IIssueGrain>(issue.Id).AddCommentAsync(
            new NewComment(text!.Value!, reopen?.Value == true, interrupt?.Value == true), context.GetActor());
        return reply.IsSuccess
            ? TypedResults.Created($"/api/issues/{issue.Id}/comments/{reply.Value!.Id}", reply.Value.ToResponse())
            : ApiErrors.FromReply(reply);
    }
}
