using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>Agents (CONTRACT §8): the board hires and edits them; everyone in the company can read them.</summary>
public static class AgentsApi
{
    public static IEndpointRouteBuilder MapAgentsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/companies/{companyId}/agents", CreateAsync);
        routes.MapGet("/api/companies/{companyId}/agents", ListAsync);
        routes.MapGet("/api/agents/me", GetMeAsync);
        routes.MapGet("/api/agents/{agentId}", GetAsync);
        routes.MapPatch("/api/agents/{agentId}", UpdateAsync);
        return routes;
    }

    private static async Task<IResult> CreateAsync(string companyId, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var company = RouteIds.Parse(companyId, "Company not found");
        var actor = context.GetActor();
        actor.RequireCompanyAccess(company);
        actor.RequireBoard();
        var body = await BodyReader.ReadAsync(context.Request);
        var fields = AgentFields.Read(body, creating: true);
        body.ThrowIfInvalid();
        await Companies.RequireAsync(grains, company);
        await fields.CheckReferencesAsync(grains, company);

        var now = time.UtcNow();
        var id = Guid.NewGuid();
        var agent = fields.ApplyTo(new Agent { Id = id, CompanyId = company, CreatedAt = now }, now);
        var reply = await grains.GetGrain<IAgentGrain>(id).CreateAsync(agent);
        return reply.IsSuccess ? TypedResults.Created($"/api/agents/{id}", reply.Value!.ToResponse()) : ApiErrors.FromReply(reply);
    }

    private static async Task<IResult> ListAsync(string companyId, HttpContext context, IGrainFactory grains)
    {
        var company = RouteIds.Parse(companyId, "Company not found");
        context.GetActor().RequireCompanyAccess(company);
        var agents = await grains.GetGrain<IQueryGrain>(0).ListAgentsAsync(company, context.RequestAborted);
        return TypedResults.Ok(agents.Select(agent => agent.ToResponse()));
    }

    /// <summary>The calling agent (agents only: 401 <c>Agent authentication required</c> otherwise).</summary>
    private static async Task<IResult> GetMeAsync(HttpContext context, IGrainFactory grains)
    {
        var actor = context.GetActor();
        if (actor.AgentId is not { } id)
        {
            return ApiErrors.Error(StatusCodes.Status401Unauthorized, "Agent authentication required");
        }
        var agent = await grains.GetGrain<IAgentGrain>(id).GetAsync();
        return agent is null ? ApiErrors.NotFound("Agent not found") : TypedResults.Ok(agent.ToResponse());
    }

    private static async Task<IResult> GetAsync(string agentId, HttpContext context, IGrainFactory grains)
    {
        var agent = await FindAsync(agentId, context, grains);
        return TypedResults.Ok(agent.ToResponse());
    }

    private static async Task<IResult> UpdateAsync(string agentId, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var agent = await FindAsync(agentId, context, grains);
        context.GetActor().RequireBoard();
        var body = await BodyReader.ReadAsync(context.Request);
        var fields = AgentFields.Read(body, creating: false);
        body.ThrowIfInvalid();
        await fields.CheckReferencesAsync(grains, agent.CompanyId);

        var now = time.UtcNow();
        var reply = await RecordUpdates.ApplyAsync(grains.GetGrain<IAgentGrain>(agent.Id), "Agent not found", current => fields.ApplyTo(current, now));
        return reply.IsSuccess ? TypedResults.Ok(reply.Value!.ToResponse()) : ApiErrors.FromReply(reply);
    }

    /// <summary>The agent, if the caller may see it; otherwise 404 (an agent of another company is not found).</summary>
    public static async Task<Agent> FindAsync(string agentId, HttpContext context, IGrainFactory grains)
    {
        var id = RouteIds.Parse(agentId, "Agent not found");
        var agent = await grains.GetGrain<IAgentGrain>(id).GetAsync();
        return agent is not null && context.GetActor().CanSee(agent.CompanyId) ? agent : throw ApiException.NotFound("Agent not found");
    }
}
