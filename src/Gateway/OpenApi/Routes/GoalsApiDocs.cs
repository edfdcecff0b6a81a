using Microsoft.OpenApi;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="Apis.GoalsApi"/>.</summary>
public static class GoalsApiDocs
{
    private static readonly ErrorDoc GoalNotFound = NotFound("`Goal not found`: unknown, malformed or another company's.");
    private static readonly ErrorDoc BadReference = Unprocessable(
        "`Parent goal not found` or `Owner agent not found`: the id names no record of the company (or the goal itself).");

    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("POST", "/api/companies/{companyId}/goals", ApiTags.Goals, "Create a goal")
        {
            Body = JsonBody(() => Body(creating: true), required: true),
            Success = [Created<Goal>("The new goal.")],
            Errors = [OtherCompany, CompanyNotFound, BadReference],
        },
        new("GET", "/api/companies/{companyId}/goals", ApiTags.Goals, "List a company's goals")
        {
            Success = [Ok<IReadOnlyList<Goal>>("The company's goals.")],
            Errors = [OtherCompany, CompanyNotFound],
        },
        new("GET", "/api/goals/{goalId}", ApiTags.Goals, "Get a goal")
        {
            Success = [Ok<Goal>("The goal.")],
            Errors = [GoalNotFound],
        },
        new("PATCH", "/api/goals/{goalId}", ApiTags.Goals, "Update a goal")
        {
            Description = "Only the fields sent change.",
            Body = JsonBody(() => Body(creating: false)),
            Success = [Ok<Goal>("The updated goal.")],
            Errors = [GoalNotFound, BadReference, ConcurrentUpdate],
        },
    ];

    private static OpenApiSchema Body(bool creating) => Object(
        RequiredIf(creating, "title", Text(InputLimits.Title, minLength: 1), "Trimmed."),
        Optional("description", Text(InputLimits.LongText, nullable: true)),
        Optional("level", OneOf(Enumerations.GoalLevels), "Default `task`."),
        Optional("status", OneOf(Enumerations.GoalStatuses), "Default `planned`."),
        Optional("parentId", Uuid(nullable: true)),
        Optional("ownerAgentId", Uuid(nullable: true)));
}
