using System.Net;

namespace Paperclip.Tests.Infrastructure;

/// <summary>Mints agent API keys through the board API.</summary>
public static class AgentKeys
{
    public static async Task<string> CreateAsync(ApiClient api, Guid agentId, string? boardBearer = null)
    {
        var response = await api.PostAsync($"/api/agents/{agentId}/keys", new { name = "test" }, bearer: boardBearer);
        Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
        return response.Str("token");
    }
}
