using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>Goals (CONTRACT §8, reference §10). Root company-level goals feed the issue goal fallback.</summary>
public static class GoalsApi
{
    public static IEndpointRouteBuilder MapGoalsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/companies/{companyId}/goals", CreateAsync);
        routes.MapGet("/api/companies/{companyId}/goals", ListAsync);
        routes.MapGet("/api/goals/{goalId}", GetAsync);
        routes.MapPatch("/api/goals/{goalId}", UpdateAsync);
        return routes;
    }

    private static async Task<IResult> CreateAsync(string companyId, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var company = RouteIds.Parse(companyId, "Company not found");
        context.GetActor().RequireCompanyAccess(company);
        var body = await BodyReader.ReadAsync(context.Request);
        var fields = GoalFields.Read(body, creating: true);
        body.ThrowIfInvalid();
        await Companies.RequireAsync(grains, company);
        await fields.CheckReferencesAsync(grains, company, self: null);

        var now = time.UtcNow();
        var id = Guid.NewGuid();
        var reply = await grains.GetGrain<IGoalGrain>(id).CreateAsync(fields.ApplyTo(new Goal { Id = id, CompanyId = company, CreatedAt = now }, now));
        return reply.IsSuccess ? TypedResults.Created($"/api/goals/{id}", reply.Value) : ApiErrors.FromReply(reply);
    }

    private static async Task<IResult> ListAsync(string companyId, HttpContext context, IGrainFactory grains)
    {
        var company = RouteIds.Parse(companyId, "Company not found");
        context.GetActor().RequireCompanyAccess(company);
        return TypedResults.Ok(await grains.GetGrain<IQueryGrain>(0).ListGoalsAsync(company, context.RequestAborted));
    }

    private static async Task<IResult> GetAsync(string goalId, HttpContext context, IGrainFactory grains) =>
        TypedResults.Ok(await FindAsync(goalId, context, grains));

    private static async Task<IResult> UpdateAsync(string goalId, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var goal = await FindAsync(goalId, context, grains);
        var body = await BodyReader.ReadAsync(context.Request);
        var fields = GoalFields.Read(body, creating: false);
        body.ThrowIfInvalid();
        await fields.CheckReferencesAsync(grains, goal.CompanyId, self: goal.Id);

        var now = time.UtcNow();
        var reply = await RecordUpdates.ApplyAsync(grains.GetGrain<IGoalGrain>(goal.Id), "Goal not found", current => fields.ApplyTo(current, now));
        return reply.IsSuccess ? TypedResults.Ok(reply.Value) : ApiErrors.FromReply(reply);
    }

    private static async Task<Goal> FindAsync(string goalId, HttpContext context, IGrainFactory grains)
    {
        var id = RouteIds.Parse(goalId, "Goal not found");
        var goal = await grains.GetGrain<IGoalGrain>(id).GetAsync();
        return goal is not null && context.GetActor().CanSee(goal.CompanyId) ? goal : throw ApiException.NotFound("Goal not found");
    }
}
