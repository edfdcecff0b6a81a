using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>
/// API key management, board only (CONTRACT §2): agent keys (<c>pcp_…</c>) under the agent, and
/// board keys (<c>pcb_…</c>) for <c>authenticated</c> deployments. A token is shown once.
/// </summary>
public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/agents/{agentId}/keys", CreateAgentKeyAsync);
        routes.MapGet("/api/agents/{agentId}/keys", ListAgentKeysAsync);
        routes.MapDelete("/api/agents/{agentId}/keys/{keyId}", RevokeAgentKeyAsync);
        routes.MapPost("/api/board-keys", CreateBoardKeyAsync);
        routes.MapGet("/api/board-keys", ListBoardKeysAsync);
        routes.MapDelete("/api/board-keys/{keyId}", RevokeBoardKeyAsync);
        return routes;
    }

    private static async Task<IResult> CreateAgentKeyAsync(string agentId, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var agent = await FindAgentForBoardAsync(agentId, context, grains);
        var name = await ReadNameAsync(context);
        return await RegisterAsync(grains, context.GetActor(), ApiTokens.AgentPrefix, new ApiKey
        {
            Id = Guid.NewGuid(),
            Kind = ApiKeyKinds.Agent,
            AgentId = agent.Id,
            CompanyId = agent.CompanyId,
            Name = name,
            CreatedAt = time.UtcNow(),
        });
    }

    private static async Task<IResult> ListAgentKeysAsync(string agentId, HttpContext context, IGrainFactory grains)
    {
        var agent = await FindAgentForBoardAsync(agentId, context, grains);
        var keys = await grains.GetGrain<IQueryGrain>(0).ListApiKeysAsync(ApiKeyKinds.Agent, agent.Id, context.RequestAborted);
        return TypedResults.Ok(keys.Select(key => key.ToResponse()));
    }

    private static async Task<IResult> RevokeAgentKeyAsync(string agentId, string keyId, HttpContext context, IGrainFactory grains)
    {
        var agent = await FindAgentForBoardAsync(agentId, context, grains);
        return await RevokeAsync(grains, context.GetActor(), keyId, key => key.Kind == ApiKeyKinds.Agent && key.AgentId == agent.Id);
    }

    private static async Task<IResult> CreateBoardKeyAsync(HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        context.GetActor().RequireBoard();
        var name = await ReadNameAsync(context);
        return await RegisterAsync(grains, context.GetActor(), ApiTokens.BoardPrefix, new ApiKey
        {
            Id = Guid.NewGuid(),
            Kind = ApiKeyKinds.Board,
            Name = name,
            CreatedAt = time.UtcNow(),
        });
    }

    private static async Task<IResult> ListBoardKeysAsync(HttpContext context, IGrainFactory grains)
    {
        context.GetActor().RequireBoard();
        var keys = await grains.GetGrain<IQueryGrain>(0).ListApiKeysAsync(ApiKeyKinds.Board, null, context.RequestAborted);
        return TypedResults.Ok(keys.Select(key => key.ToResponse()));
    }

    private static Task<IResult> RevokeBoardKeyAsync(string keyId, HttpContext context, IGrainFactory grains)
    {
        context.GetActor().RequireBoard();
        return RevokeAsync(grains, context.GetActor(), keyId, key => key.Kind == ApiKeyKinds.Board);
    }

    private static async Task<IResult> RegisterAsync(IGrainFactory grains, Actor actor, string prefix, ApiKey key)
    {
        var token = ApiTokens.New(prefix);
        var hash = ApiTokens.Hash(token);
        var reply = await grains.GetGrain<IApiKeyGrain>(IApiKeyGrain.KeyFor(hash)).RegisterAsync(key with { KeyHash = hash }, actor);
        return reply.IsSuccess ? TypedResults.Created((string?)null, reply.Value!.ToResponse(token)) : ApiErrors.FromReply(reply);
    }

    private static async Task<IResult> RevokeAsync(IGrainFactory grains, Actor actor, string keyId, Func<ApiKey, bool> belongs)
    {
        var id = RouteIds.Parse(keyId, "API key not found");
        var key = await grains.GetGrain<IQueryGrain>(0).FindApiKeyAsync(id);
        if (key is null || !belongs(key))
        {
            return ApiErrors.NotFound("API key not found");
        }
        var revoked = await grains.GetGrain<IApiKeyGrain>(IApiKeyGrain.KeyFor(key.KeyHash)).RevokeAsync(actor);
        return TypedResults.Ok(revoked!.ToResponse());
    }

    private static async Task<string> ReadNameAsync(HttpContext context)
    {
        var body = await BodyReader.ReadAsync(context.Request);
        var name = body.String("name", InputLimits.Name, minLength: 1, trim: true);
        body.ThrowIfInvalid();
        return name?.Value ?? "default";
    }

    /// <summary>Key management is board-only; an agent's keys are addressed through the agent (404 when unknown).</summary>
    private static async Task<Agent> FindAgentForBoardAsync(string agentId, HttpContext context, IGrainFactory grains)
    {
        var agent = await AgentsApi.FindAsync(agentId, context, grains);
        context.GetActor().RequireBoard();
        return agent;
    }
}
