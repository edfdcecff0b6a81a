namespace Paperclip.Tests.Infrastructure;

/// <summary>An agent with its own API key and a run id, calling through one gateway.</summary>
public sealed record AgentSession(Guid AgentId, string Token, string RunId, ApiClient Api)
{
    public static async Task<AgentSession> CreateAsync(ApiClient board, Guid companyId, ApiClient? via = null, object? extra = null)
    {
        var agentId = await Setup.AgentAsync(board, companyId, extra);
        var token = await AgentKeys.CreateAsync(board, agentId);
        return new AgentSession(agentId, token, Guid.NewGuid().ToString(), (via ?? board).As(token));
    }

    /// <summary>The same agent in a new run (e.g. after its previous run crashed).</summary>
    public AgentSession NewRun() => this with { RunId = Guid.NewGuid().ToString() };

    public Task<ApiResponse> CheckoutAsync(Guid issueId, params string[] expected) =>
        Api.PostAsync($"/api/issues/{issueId}/checkout", new { agentId = AgentId, expectedStatuses = expected }, runId: RunId);

    public Task<ApiResponse> ReleaseAsync(Guid issueId) => Api.PostAsync($"/api/issues/{issueId}/release", runId: RunId);

    public Task<ApiResponse> PatchAsync(Guid issueId, object body) => Api.PatchAsync($"/api/issues/{issueId}", body, runId: RunId);
}
