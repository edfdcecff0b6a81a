using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>Projects (CONTRACT §8). A project with <c>pausedAt</c> blocks checkout of its issues.</summary>
public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/companies/{companyId}/projects", CreateAsync);
        routes.MapGet("/api/companies/{companyId}/projects", ListAsync);
        routes.MapGet("/api/projects/{projectId}", GetAsync);
        routes.MapPatch("/api/projects/{projectId}", UpdateAsync);
        return routes;
    }

    private static async Task<IResult> CreateAsync(string companyId, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var company = RouteIds.Parse(companyId, "Company not found");
        context.GetActor().RequireCompanyAccess(company);
        var body = await BodyReader.ReadAsync(context.Request);
        var fields = ProjectFields.Read(body, creating: true);
        body.ThrowIfInvalid();
        await Companies.RequireAsync(grains, company);
        await fields.CheckReferencesAsync(grains, company);

        var now = time.UtcNow();
        var id = Guid.NewGuid();
        var project = fields.ApplyTo(new Project { Id = id, CompanyId = company, CreatedAt = now }, now);
        var reply = await grains.GetGrain<IProjectGrain>(id).CreateAsync(project);
        return reply.IsSuccess
            ? TypedResults.Created($"/api/projects/{id}", await ToResponseAsync(reply.Value!, grains))
            : ApiErrors.FromReply(reply);
    }

    private static async Task<IResult> ListAsync(string companyId, HttpContext context, IGrainFactory grains)
    {
        var company = RouteIds.Parse(companyId, "Company not found");
        context.GetActor().RequireCompanyAccess(company);
        var queries = grains.GetGrain<IQueryGrain>(0);
        var projects = await queries.ListProjectsAsync(company, context.RequestAborted);
        var goals = await queries.ListGoalsAsync(company, context.RequestAborted);
        return TypedResults.Ok(projects.Select(project => project.ToResponse(goals)));
    }

    private static async Task<IResult> GetAsync(string projectId, HttpContext context, IGrainFactory grains) =>
        TypedResults.Ok(await ToResponseAsync(await FindAsync(projectId, context, grains), grains));

    private static async Task<IResult> UpdateAsync(string projectId, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var project = await FindAsync(projectId, context, grains);
        var body = await BodyReader.ReadAsync(context.Request);
        var fields = ProjectFields.Read(body, creating: false);
        body.ThrowIfInvalid();
        await fields.CheckReferencesAsync(grains, project.CompanyId);

        var now = time.UtcNow();
        var reply = await RecordUpdates.ApplyAsync(grains.GetGrain<IProjectGrain>(project.Id), "Project not found", current => fields.ApplyTo(current, now));
        return reply.IsSuccess ? TypedResults.Ok(await ToResponseAsync(reply.Value!, grains)) : ApiErrors.FromReply(reply);
    }

    private static async Task<Project> FindAsync(string projectId, HttpContext context, IGrainFactory grains)
    {
        var id = RouteIds.Parse(projectId, "Project not found");
        var project = await grains.GetGrain<IProjectGrain>(id).GetAsync();
        return project is not null && context.GetActor().CanSee(project.CompanyId) ? project : throw ApiException.NotFound("Project not found");
    }

    public static async Task<ProjectResponse> ToResponseAsync(Project project, IGrainFactory grains)
    {
        var goals = await grains.FindAllInCompanyAsync<IGoalGrain, Goal>(project.GoalIds, project.CompanyId);
        return project.ToResponse(goals);
    }
}
