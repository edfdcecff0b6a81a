using Microsoft.OpenApi;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="Apis.CompaniesApi"/>.</summary>
public static class CompaniesApiDocs
{
    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("POST", "/api/companies", ApiTags.Companies, "Create a company")
        {
            Description = "Board only. The issue prefix is made from the name's first three letters (`Acme` → `ACM`, then `ACMA`, … when taken).",
            Body = JsonBody(() => Body(creating: true), required: true),
            Success = [Created<Company>("The new company, with its `issuePrefix`.")],
            Errors = [BoardOnly],
        },
        new("GET", "/api/companies", ApiTags.Companies, "List companies")
        {
            Description = "Every company for the board; an agent's own company for an agent.",
            Success = [Ok<IReadOnlyList<Company>>("The companies the caller may see.")],
        },
        new("GET", "/api/companies/{companyId}", ApiTags.Companies, "Get a company")
        {
            Success = [Ok<Company>("The company.")],
            Errors = [OtherCompany, NotFound("`Company not found`: unknown or malformed id.")],
        },
        new("PATCH", "/api/companies/{companyId}", ApiTags.Companies, "Update a company")
        {
            Description = "Board only. Only the fields sent change; `status: paused` stamps `pausedAt`, any other status clears it.",
            Body = JsonBody(() => Body(creating: false)),
            Success = [Ok<Company>("The updated company.")],
            Errors = [OtherCompany, BoardOnly, NotFound("`Company not found`: unknown or malformed id."), ConcurrentUpdate],
        },
    ];

    private static OpenApiSchema Body(bool creating)
    {
        Field[] shared =
        [
            RequiredIf(creating, "name", Text(InputLimits.Name, minLength: 1), "Trimmed."),
            Optional("description", Text(InputLimits.LongText, nullable: true)),
            Optional("budgetMonthlyCents", Integer(minimum: 0)),
            Optional("requireBoardApprovalForNewAgents", Boolean()),
            Optional("brandColor", Text(InputLimits.ShortText, nullable: true)),
        ];
        return creating
            ? Object(shared)
            : Object([.. shared, Optional("status", OneOf(Enumerations.CompanyStatuses)), Optional("pauseReason", Text(InputLimits.Note, nullable: true))]);
    }
}
