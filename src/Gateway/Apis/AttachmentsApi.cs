using Microsoft.AspNetCore.Http.Features;
using Paperclip.Gateway.Attachments;
using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Responses;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>
/// An issue's attachments (reference §8, CONTRACT §7). The bytes go between the request and the
/// store without a grain; the issue grain decides beforehand (the issue exists, the caller may see
/// it) and logs afterwards.
/// </summary>
public static class AttachmentsApi
{
    private const string NotFound = "Attachment not found";

    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/companies/{companyId}/issues/{issueId}/attachments", UploadAsync);
        routes.MapGet("/api/issues/{issueId}/attachments", ListAsync);
        routes.MapGet("/api/attachments/{attachmentId}/content", DownloadAsync);
        routes.MapDelete("/api/attachments/{attachmentId}", DeleteAsync);
        return routes;
    }

    private static async Task<IResult> UploadAsync(
        string companyId, string issueId, HttpContext context, IGrainFactory grains, IAttachmentStore store,
        AttachmentSettings settings, TimeProvider time)
    {
        var company = RouteIds.Parse(companyId, "Company not found");
        var actor = context.GetActor();
        actor.RequireCompanyAccess(company);
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        if (issue.CompanyId != company)
        {
            return ApiErrors.Error(StatusCodes.Status422UnprocessableEntity, "Issue does not belong to company");
        }
        // This route alone takes bodies past the JSON limit: the file plus its multipart framing.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = settings.MaxBytes + AttachmentForm.MultipartOverhead;
        }
        var attachment = await AttachmentForm.SaveAsync(context.Request, issue, actor, settings, store, time.UtcNow());
        await grains.GetGrain<IIssueGrain>(issue.Id).LogAttachmentAsync(
            new AttachmentChange(attachment.Id, true, attachment.OriginalFilename, attachment.ContentType, attachment.ByteSize), actor);
        return TypedResults.Created(AttachmentResponses.ContentPath(attachment.Id), attachment.ToResponse());
    }

    private static async Task<IResult> ListAsync(string issueId, HttpContext context, IGrainFactory grains, IAttachmentStore store)
    {
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        var attachments = await store.ListAsync(issue.Id, context.RequestAborted);
        return TypedResults.Ok(attachments.Select(attachment => attachment.ToResponse()));
    }

    /// <summary>
    /// The bytes with the reference's headers, plus <c>nosniff</c> and a download disposition for
    /// types a browser would run (CONTRACT §7) or when <c>?download=1</c> asks for one.
    /// </summary>
    private static async Task DownloadAsync(string attachmentId, HttpContext context, IAttachmentStore store)
    {
        var id = RouteIds.Parse(attachmentId, NotFound);
        await using var content = await store.OpenAsync(id, context.RequestAborted);
        if (content is null || !context.GetActor().CanSee(content.Attachment.CompanyId))
        {
            throw ApiException.NotFound(NotFound);
        }
        var attachment = content.Attachment;
        var inline = AttachmentTypes.ShowsInline(attachment.ContentType) && context.Request.Query["download"] != "1";
        var response = context.Response;
        response.ContentType = attachment.ContentType;
        response.ContentLength = attachment.ByteSize;
        response.Headers.CacheControl = "private, max-age=60";
        response.Headers.ContentDisposition = AttachmentNames.ContentDisposition(inline, attachment.OriginalFilename);
        response.Headers.XContentTypeOptions = "nosniff";
        await content.CopyToAsync(response.Body, context.RequestAborted);
    }

    private static async Task<IResult> DeleteAsync(string attachmentId, HttpContext context, IGrainFactory grains, IAttachmentStore store)
    {
        var id = RouteIds.Parse(attachmentId, NotFound);
        var actor = context.GetActor();
        var attachment = await store.FindAsync(id, context.RequestAborted);
        if (attachment is null || !actor.CanSee(attachment.CompanyId) || !await store.DeleteAsync(id, context.RequestAborted))
        {
            return ApiErrors.NotFound(NotFound);
        }
        await grains.GetGrain<IIssueGrain>(attachment.IssueId).LogAttachmentAsync(new AttachmentChange(id, false, null, null, null), actor);
        return TypedResults.Ok(new { ok = true });
    }
}
