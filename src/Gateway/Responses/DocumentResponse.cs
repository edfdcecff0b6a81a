using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>
/// An issue document without its body (reference §2.6 "IssueDocumentSummary"): the entries of
/// the detail's <c>documentSummaries</c>.
/// </summary>
public record DocumentSummaryResponse(
    Guid Id, Guid CompanyId, Guid IssueId, string Key, string? Title, string Format,
    Guid LatestRevisionId, int LatestRevisionNumber, Guid? CreatedByAgentId, string? CreatedByUserId,
    Guid? UpdatedByAgentId, string? UpdatedByUserId, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>
/// An issue document (reference §2.6 "IssueDocument"): the summary and the latest body. The
/// answer of every write too, without the reference's stray <c>latestBody</c> (CONTRACT §6).
/// </summary>
public sealed record DocumentResponse : DocumentSummaryResponse
{
    public DocumentResponse(DocumentSummaryResponse summary, string body) : base(summary) => Body = body;

    public string Body { get; init; }
}

/// <summary>One revision of a document (reference §2.6, with the newer reference's <c>title</c> and <c>format</c>).</summary>
public sealed record DocumentRevisionResponse(
    Guid Id, Guid CompanyId, Guid DocumentId, Guid IssueId, string Key, int RevisionNumber, string? Title, string Format,
    string Body, string? ChangeSummary, Guid? CreatedByAgentId, string? CreatedByUserId, DateTime CreatedAt);

public static class DocumentResponses
{
    public static DocumentSummaryResponse ToSummary(this IssueDocumentHead head, Issue issue) => new(
        head.Id, issue.CompanyId, issue.Id, head.Key, head.Title, head.Format, head.LatestRevisionId, head.LatestRevisionNumber,
        head.CreatedByAgentId, head.CreatedByUserId, head.UpdatedByAgentId, head.UpdatedByUserId, head.CreatedAt, head.UpdatedAt);

    public static DocumentResponse ToResponse(this IssueDocumentHead head, Issue issue, string body) => new(head.ToSummary(issue), body);

    public static DocumentRevisionResponse ToResponse(this DocumentRevision revision) => new(
        revision.Id, revision.CompanyId, revision.DocumentId, revision.IssueId, revision.Key, revision.RevisionNumber,
        revision.Title, revision.Format, revision.Body, revision.ChangeSummary, revision.CreatedByAgentId, revision.CreatedByUserId,
        revision.CreatedAt);
}
