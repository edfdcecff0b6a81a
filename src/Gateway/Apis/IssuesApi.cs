using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>Issue CRUD and lists (reference §4.1–4.7, CONTRACT §3).</summary>
public static class IssuesApi
{
    public static IEndpointRouteBuilder MapIssuesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/issues", () => ApiErrors.Error(StatusCodes.Status400BadRequest,
            "Missing companyId in path. Use /api/companies/{companyId}/issues."));
        routes.MapGet("/api/companies/{companyId}/issues", ListAsync);
        routes.MapPost("/api/companies/{companyId}/issues", CreateAsync);
        routes.MapGet("/api/issues/{issueId}", GetAsync);
        routes.MapPatch("/api/issues/{issueId}", UpdateAsync);
        routes.MapDelete("/api/issues/{issueId}", DeleteAsync);
        return routes;
    }

    private static async Task<IResult> ListAsync(string companyId, HttpContext context, IGrainFactory grains, CompanyReadLimiter limiter)
    {
        var company = RouteIds.Parse(companyId, "Company not found");
        var actor = context.GetActor();
        actor.RequireCompanyAccess(company);
        var query = IssueListQuery.Parse(context.Request.Query, company, actor);
        var queries = grains.GetGrain<IQueryGrain>(0);
        var aborted = context.RequestAborted;
        var payloads = await limiter.RunAsync(company, query.Search is not null, () => queries.ListIssuePayloadsAsync(query, aborted), aborted);
        var rows = payloads.Rows.Select(StoredIssueRow.Scan).ToList();
        var labelIds = rows.SelectMany(row => row.LabelIds).Distinct().ToList();
        // Most pages carry no labels and no running work: then there is nothing to look up.
        IReadOnlyList<Label> labels = labelIds.Count == 0 ? [] : await queries.GetLabelsAsync(labelIds);
        var runs = await ActiveRunsAsync(rows.Select(row => row.ExecutionRunId), queries);
        return new IssueListPage(rows, labels, runs);
    }

    /// <summary>The <c>activeRun</c> of issues with these execution runs (reference §2.3): the run while it is live.</summary>
    public static async Task<Func<Guid?, ActiveRun?>> ActiveRunsAsync(IEnumerable<Guid?> executionRunIds, IQueryGrain queries)
    {
        var runIds = executionRunIds.OfType<Guid>().Distinct().ToList();
        var runs = (runIds.Count == 0 ? [] : await queries.GetLiveRunsAsync(runIds)).ToDictionary(run => run.Id);
        return runId => runId is { } id && runs.TryGetValue(id, out var run) ? run.ToActiveRun() : null;
    }

    private static async Task<IResult> CreateAsync(string companyId, HttpContext context, IGrainFactory grains)
    {
        var company = RouteIds.Parse(companyId, "Company not found");
        var actor = context.GetActor();
        actor.RequireCompanyAccess(company);
        var body = await BodyReader.ReadAsync(context.Request);
        var command = IssueFields.ReadNew(body, company);
        body.ThrowIfInvalid();

        var id = Guid.NewGuid();
        var issue = grains.GetGrain<IIssueGrain>(id);
        Reply<Issue> reply;
        using (NewGrainHint.For(issue.GetGrainId()))
        {
            reply = await issue.CreateAsync(command, actor);
        }
        return reply.IsSuccess
            ? TypedResults.Created($"/api/issues/{id}", await WithLabelsAsync(reply.Value!, grains))
            : ApiErrors.FromReply(reply);
    }

    private static async Task<IResult> GetAsync(string issueId, HttpContext context, IGrainFactory grains)
    {
        var issue = await FindAsync(issueId, context, grains);
        return TypedResults.Ok(await IssueDetails.BuildAsync(issue, await WithLabelsAsync(issue, grains), grains));
    }

    private static async Task<IResult> UpdateAsync(string issueId, HttpContext context, IGrainFactory grains)
    {
        var issue = await FindAsync(issueId, context, grains);
        var body = await BodyReader.ReadAsync(context.Request);
        var changes = IssueFields.ReadChanges(body, creating: false);
        body.ThrowIfInvalid();

        var reply = await grains.GetGrain<IIssueGrain>(issue.Id).UpdateAsync(changes, context.GetActor());
        return reply.IsSuccess
            ? TypedResults.Ok(new IssueUpdateResponse(await WithLabelsAsync(reply.Value!.Issue, grains), reply.Value.Comment?.ToResponse()))
            : ApiErrors.FromReply(reply);
    }

    private static async Task<IResult> DeleteAsync(string issueId, HttpContext context, IGrainFactory grains)
    {
        var issue = await FindAsync(issueId, context, grains);
        var reply = await grains.GetGrain<IIssueGrain>(issue.Id).DeleteAsync(context.GetActor());
        return reply.IsSuccess ? TypedResults.Ok(await WithLabelsAsync(reply.Value!, grains)) : ApiErrors.FromReply(reply);
    }

    /// <summary>The issue behind a UUID or identifier, if the caller may see it; otherwise 404.</summary>
    public static async Task<Issue> FindAsync(string issueRef, HttpContext context, IGrainFactory grains)
    {
        var id = await RouteIds.ResolveIssueAsync(grains, issueRef);
        var issue = await grains.GetGrain<IIssueGrain>(id).GetAsync();
        return issue is not null && context.GetActor().CanSee(issue.CompanyId) ? issue : throw ApiException.NotFound("Issue not found");
    }

    public static async Task<IssueResponse> WithLabelsAsync(Issue issue, IGrainFactory grains) =>
        issue.ToResponse(issue.LabelIds.Count == 0 ? [] : await grains.GetGrain<IQueryGrain>(0).GetLabelsAsync(issue.LabelIds));
}
