using Microsoft.OpenApi;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="Apis.ProjectsApi"/>.</summary>
public static class ProjectsApiDocs
{
    private static readonly ErrorDoc ProjectNotFound = NotFound("`Project not found`: unknown, malformed or another company's.");
    private static readonly ErrorDoc BadReference = Unprocessable("`Goal not found` or `Lead agent not found`: the id names no record of the company.");

    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("POST", "/api/companies/{companyId}/projects", ApiTags.Projects, "Create a project")
        {
            Body = JsonBody(() => Body(creating: true), required: true),
            Success = [Created<ProjectResponse>("The new project.")],
            Errors = [OtherCompany, CompanyNotFound, BadReference],
        },
        new("GET", "/api/companies/{companyId}/projects", ApiTags.Projects, "List a company's projects")
        {
            Success = [Ok<IReadOnlyList<ProjectResponse>>("The company's projects.")],
            Errors = [OtherCompany, CompanyNotFound],
        },
        new("GET", "/api/projects/{projectId}", ApiTags.Projects, "Get a project")
        {
            Success = [Ok<ProjectResponse>("The project.")],
            Errors = [ProjectNotFound],
        },
        new("PATCH", "/api/projects/{projectId}", ApiTags.Projects, "Update a project")
        {
            Description = "Only the fields sent change. A project with `pausedAt` set blocks checkout of its issues.",
            Body = JsonBody(() => Body(creating: false)),
            Success = [Ok<ProjectResponse>("The updated project.")],
            Errors = [ProjectNotFound, BadReference, ConcurrentUpdate],
        },
    ];

    private static OpenApiSchema Body(bool creating)
    {
        Field[] shared =
        [
            RequiredIf(creating, "name", Text(InputLimits.Name, minLength: 1), "Trimmed."),
            Optional("description", Text(InputLimits.LongText, nullable: true)),
            Optional("status", OneOf(Enumerations.ProjectStatuses), "Default `backlog`."),
            Optional("goalIds", ArrayOf(Uuid(), InputLimits.MaxIdsPerField), "Goals of the same company; replaces the set."),
            Optional("goalId", Uuid(nullable: true), "Legacy single goal, kept in step with `goalIds`."),
            Optional("leadAgentId", Uuid(nullable: true)),
            Optional("targetDate", Date(nullable: true)),
            Optional("color", Text(InputLimits.ShortText, nullable: true)),
        ];
        return creating
            ? Object(shared)
            : Object([.. shared, Optional("pausedAt", Timestamp(nullable: true)), Optional("pauseReason", Text(InputLimits.Note, nullable: true))]);
    }
}
