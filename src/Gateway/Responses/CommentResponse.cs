using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>The comment object of the API (reference §2.5: the row).</summary>
public sealed record CommentResponse(
    Guid Id, Guid CompanyId, Guid IssueId, Guid? AuthorAgentId, string? AuthorUserId, string Body, DateTime CreatedAt, DateTime UpdatedAt);

public static class CommentResponses
{
    public static CommentResponse ToResponse(this IssueComment comment) => new(
        comment.Id, comment.CompanyId, comment.IssueId, comment.AuthorAgentId, comment.AuthorUserId, comment.Body,
        comment.CreatedAt, comment.UpdatedAt);
}
