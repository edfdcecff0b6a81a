using Paperclip.Grains;

namespace Paperclip.Gateway.Auth;

/// <summary>
/// Turns a bearer token into an actor: an agent API key, a board API key (stored or the bootstrap
/// key), or an agent JWT. <c>null</c> for anything that does not verify — including keys of agents
/// that are terminated or awaiting approval — which the caller answers with 401.
/// </summary>
public sealed class BearerAuthenticator(IGrainFactory grains, GatewaySettings settings, AgentJwt jwt, UnknownKeys unknownKeys)
{
    public const string BoardKeyUserId = "board";

    public async Task<Actor?> AuthenticateAsync(string token, string? runId)
    {
        // The bootstrap secret first, whatever its shape: an operator may well choose one shaped
        // like a minted key (pcb_ + 48 hex), and looked up only among minted keys it never matched.
        if (settings.BootstrapBoardKeyHash is { } bootstrap && ApiTokens.HashesEqual(ApiTokens.Hash(token), bootstrap))
        {
            return Board(runId);
        }
        if (ApiTokens.IsApiKey(token))
        {
            return await FromStoredKeyAsync(token, runId);
        }
        if (jwt.Enabled && AgentJwt.LooksLikeJwt(token) && await jwt.VerifyAsync(token) is { } claims)
        {
            // The header overrides the token's run (reference §3.1).
            return await AgentActorAsync(claims.AgentId, claims.CompanyId, runId ?? claims.RunId, "agent_jwt");
        }
        return null;
    }

    private async Task<Actor?> FromStoredKeyAsync(string token, string? runId)
    {
        var hash = ApiTokens.Hash(token);
        if (unknownKeys.Contains(hash))
        {
            return null;
        }
        var key = await grains.GetGrain<IApiKeyGrain>(IApiKeyGrain.KeyFor(hash)).AuthenticateAsync();
        switch (key)
        {
            case null:
                unknownKeys.Add(hash);
                return null;
            case { Kind: ApiKeyKinds.Board }:
                return Board(runId);
            case { Kind: ApiKeyKinds.Agent, AgentId: { } agentId, CompanyId: { } companyId }:
                return await AgentActorAsync(agentId, companyId, runId, "agent_key");
            default:
                return null;
        }
    }

    private async Task<Actor?> AgentActorAsync(Guid agentId, Guid companyId, string? runId, string source)
    {
        var agent = await grains.GetGrain<IAgentGrain>(agentId).GetAsync();
        return agent is null || agent.CompanyId != companyId || agent.Status is "terminated" or "pending_approval"
            ? null
            : new Actor(ActorType.Agent, null, agentId, companyId, runId, source, false);
    }

    private static Actor Board(string? runId) => new(ActorType.Board, BoardKeyUserId, null, null, runId, "board_key", true);
}
