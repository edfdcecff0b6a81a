using Paperclip.Gateway.Apis;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="ActivityApi"/>.</summary>
public static class ActivityApiDocs
{
    private static readonly QueryDoc[] Page =
    [
        Query("limit", $"Page size, default {ActivityApi.DefaultLimit}, at most {ActivityApi.MaxLimit}.", () => Integer(minimum: 1)),
        Query("before", "Cursor: the `seq` of the last entry of the previous page.", () => Integer(minimum: 1)),
    ];

    private static readonly ErrorDoc InvalidPage = BadRequest("`Validation error`: `limit` or `before` is not an integer ≥ 1, or a filter is too long.");

    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("GET", "/api/issues/{issueId}/activity", ApiTags.Activity, "List an issue's activity")
        {
            Description = "Newest first. A cursor, unlike an offset, neither skips nor repeats entries while new ones arrive.",
            Query = Page,
            Success = [Ok<IReadOnlyList<ActivityResponse>>("One page of the issue's entries.")],
            Errors = [InvalidPage, IssueNotFound],
        },
        new("GET", "/api/companies/{companyId}/activity", ApiTags.Activity, "List a company's activity")
        {
            Description = "Newest first, filtered by any of `agentId`, `entityType`, `entityId`.",
            Query =
            [
                .. Page,
                Query("agentId", "Entries of this agent.", () => Uuid()),
                Query("entityType", "Entries about this kind of record (`issue`, `heartbeat_run`, …).", () => Text(InputLimits.ShortText)),
                Query("entityId", "Entries about this record.", () => Text(InputLimits.ShortText)),
            ],
            Success = [Ok<IReadOnlyList<ActivityResponse>>("One page of the company's entries.")],
            Errors = [InvalidPage, OtherCompany, CompanyNotFound, Unprocessable("`Invalid agentId: expected a UUID`.")],
        },
    ];
}
