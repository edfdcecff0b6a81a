using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>
/// An issue's documents (reference §7, CONTRACT §6). Reads take the heads from the issue and the
/// bodies from the revision table; every write is one turn of the issue grain.
/// </summary>
public static class DocumentsApi
{
    /// <summary>The key of the document the issue detail shows in full (reference §4.3).</summary>
    private const string PlanKey = "plan";

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder routes)
    {
        var documents = routes.MapGroup("/api/issues/{issueId}/documents");
        documents.MapGet("", ListAsync);
        documents.MapGet("/{key}", GetAsync);
        documents.MapPut("/{key}", PutAsync);
        documents.MapDelete("/{key}", DeleteAsync);
        documents.MapGet("/{key}/revisions", ListRevisionsAsync);
        documents.MapPost("/{key}/revisions/{revisionId}/restore", RestoreAsync);
        return routes;
    }

    /// <summary>Every document with its body, by key.</summary>
    private static async Task<IResult> ListAsync(string issueId, HttpContext context, IGrainFactory grains)
    {
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        var bodies = await BodiesAsync(issue.Documents, grains);
        return TypedResults.Ok(issue.Documents.Select(head => head.ToResponse(issue, bodies.GetValueOrDefault(head.LatestRevisionId, ""))));
    }

    private static async Task<IResult> GetAsync(string issueId, string key, HttpContext context, IGrainFactory grains)
    {
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        var head = Head(issue, DocumentKeys.Normalize(key));
        var bodies = await BodiesAsync([head], grains);
        return TypedResults.Ok(head.ToResponse(issue, bodies.GetValueOrDefault(head.LatestRevisionId, "")));
    }

    private static async Task<IResult> PutAsync(string issueId, string key, HttpContext context, IGrainFactory grains)
    {
        var body = await BodyReader.ReadAsync(context.Request);
        var format = body.Enum("format", DocumentFormats.All, required: true);
        var text = body.String("body", InputLimits.DocumentBody, required: true);
        var title = body.String("title", InputLimits.DocumentTitle, nullable: true, trim: true);
        var changeSummary = body.String("changeSummary", InputLimits.ChangeSummary, nullable: true, trim: true);
        var baseRevisionId = body.Uuid("baseRevisionId", nullable: true);
        body.ThrowIfInvalid();
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        var command = new DocumentWrite(DocumentKeys.Normalize(key), title?.Value, format!.Value!, text!.Value!, changeSummary?.Value,
            baseRevisionId?.Value);
        var reply = await grains.GetGrain<IIssueGrain>(issue.Id).PutDocumentAsync(command, context.GetActor());
        return Written(reply, issue);
    }

    /// <summary>Board only; the 403 comes before the key is looked at (reference §7).</summary>
    private static async Task<IResult> DeleteAsync(string issueId, string key, HttpContext context, IGrainFactory grains)
    {
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        if (!context.GetActor().IsBoard)
        {
            return ApiErrors.Error(StatusCodes.Status403Forbidden, "Board authentication required");
        }
        var reply = await grains.GetGrain<IIssueGrain>(issue.Id).DeleteDocumentAsync(DocumentKeys.Normalize(key), context.GetActor());
        return reply.IsSuccess ? TypedResults.Ok(new { ok = true }) : ApiErrors.FromReply(reply);
    }

    /// <summary>Newest first; a key with no document has no revisions (200 <c>[]</c>, as the reference).</summary>
    private static async Task<IResult> ListRevisionsAsync(string issueId, string key, HttpContext context, IGrainFactory grains)
    {
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        var normalized = DocumentKeys.Normalize(key);
        if (issue.Documents.FirstOrDefault(document => document.Key == normalized) is not { } head)
        {
            return TypedResults.Ok(Array.Empty<DocumentRevisionResponse>());
        }
        var revisions = await grains.GetGrain<IQueryGrain>(0).ListDocumentRevisionsAsync(head.Id, head.LatestRevisionNumber);
        return TypedResults.Ok(revisions.Select(revision => revision.ToResponse()));
    }

    /// <summary>Appends a new revision with an earlier one's body; the request body is not read.</summary>
    private static async Task<IResult> RestoreAsync(string issueId, string key, string revisionId, HttpContext context, IGrainFactory grains)
    {
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        var normalized = DocumentKeys.Normalize(key);
        var revision = RouteIds.Parse(revisionId, "Document revision not found");
        var reply = await grains.GetGrain<IIssueGrain>(issue.Id).RestoreDocumentRevisionAsync(normalized, revision, context.GetActor());
        return Written(reply, issue);
    }

    /// <summary>The plan document (key <c>plan</c>) with its body, or null; for the issue detail.</summary>
    public static async Task<DocumentResponse?> PlanAsync(Issue issue, IGrainFactory grains)
    {
        if (issue.Documents.FirstOrDefault(document => document.Key == PlanKey) is not { } plan)
        {
            return null;
        }
        var bodies = await BodiesAsync([plan], grains);
        return plan.ToResponse(issue, bodies.GetValueOrDefault(plan.LatestRevisionId, ""));
    }

    private static IssueDocumentHead Head(Issue issue, string key) =>
        issue.Documents.FirstOrDefault(document => document.Key == key) ?? throw ApiException.NotFound("Document not found");

    private static async Task<IReadOnlyDictionary<Guid, string>> BodiesAsync(IReadOnlyList<IssueDocumentHead> heads, IGrainFactory grains) =>
        heads.Count == 0 ? new Dictionary<Guid, string>() : await grains.GetGrain<IQueryGrain>(0).GetRevisionBodiesAsync([.. heads.Select(head => head.LatestRevisionId)]);

    private static IResult Written(Reply<IssueDocument> reply, Issue issue)
    {
        if (!reply.IsSuccess)
        {
            return ApiErrors.FromReply(reply);
        }
        var document = reply.Value!.Head.ToResponse(issue, reply.Value.Body);
        return reply.Status == ReplyStatus.Created
            ? TypedResults.Created($"/api/issues/{issue.Id}/documents/{document.Key}", document)
            : TypedResults.Ok(document);
    }
}
