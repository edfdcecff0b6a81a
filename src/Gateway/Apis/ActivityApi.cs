using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>
/// The activity log (reference §2.9, §9), newest first. Pages are cut by <c>limit</c> (default
/// 100, at most 500) and the cursor <c>before</c>: the <c>seq</c> of the last entry of the
/// previous page. A cursor, unlike an offset, neither skips nor repeats entries while new ones arrive.
/// </summary>
public static class ActivityApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapActivityApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/issues/{issueId}/activity", ListOfIssueAsync);
        routes.MapGet("/api/companies/{companyId}/activity", ListOfCompanyAsync);
        return routes;
    }

    private static async Task<IResult> ListOfIssueAsync(string issueId, HttpContext context, IGrainFactory grains)
    {
        var issue = await IssuesApi.FindAsync(issueId, context, grains);
        return await ListAsync(grains, context, Page(context.Request.Query, issue.CompanyId) with
        {
            EntityType = "issue",
            EntityId = issue.Id.ToString(),
        });
    }

    private static async Task<IResult> ListOfCompanyAsync(string companyId, HttpContext context, IGrainFactory grains)
    {
        var company = RouteIds.Parse(companyId, "Company not found");
        context.GetActor().RequireCompanyAccess(company);
        var query = context.Request.Query;
        var page = Page(query, company);
        var agentId = query["agentId"].FirstOrDefault();
        if (agentId is { Length: > 0 } && !Guid.TryParseExact(agentId, "D", out _))
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, "Invalid agentId: expected a UUID");
        }
        return await ListAsync(grains, context, page with
        {
            AgentId = agentId is { Length: > 0 } ? Guid.Parse(agentId) : null,
            EntityType = Text(query["entityType"].FirstOrDefault(), "entityType"),
            EntityId = Text(query["entityId"].FirstOrDefault(), "entityId"),
        });
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains, HttpContext context, ActivityQuery query) =>
        TypedResults.Ok((await grains.GetGrain<IQueryGrain>(0).ListActivityAsync(query, context.RequestAborted)).Select(entry => entry.ToResponse()));

    private static ActivityQuery Page(IQueryCollection query, Guid companyId)
    {
        var issues = new List<ValidationIssue>();
        var limit = DefaultLimit;
        if (query["limit"].FirstOrDefault() is { Length: > 0 } limitText && !(int.TryParse(limitText, out limit) && limit >= 1))
        {
            issues.Add(new ValidationIssue("invalid_type", ["limit"], "limit must be an integer ≥ 1"));
        }
        long? before = null;
        if (query["before"].FirstOrDefault() is { Length: > 0 } beforeText)
        {
            if (long.TryParse(beforeText, out var seq) && seq >= 1)
            {
                before = seq;
            }
            else
            {
                issues.Add(new ValidationIssue("invalid_type", ["before"], "before must be an integer ≥ 1"));
            }
        }
        if (issues.Count > 0)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "Validation error", issues);
        }
        return new ActivityQuery { CompanyId = companyId, Limit = Math.Min(limit, MaxLimit), BeforeSeq = before };
    }

    /// <summary>A filter value, bounded like every short text (a longer one can match nothing).</summary>
    private static string? Text(string? value, string name) => value switch
    {
        null or "" => null,
        { Length: > InputLimits.ShortText } => throw new ApiException(StatusCodes.Status400BadRequest, "Validation error",
            new[] { new ValidationIssue("too_big", [name], $"String must contain at most {InputLimits.ShortText} character(s)") }),
        _ => value,
    };
}
