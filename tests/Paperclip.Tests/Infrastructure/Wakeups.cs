using System.Net;
using System.Text.Json;

namespace Paperclip.Tests.Infrastructure;

/// <summary>Reads an agent's wakeup requests through the API.</summary>
public static class Wakeups
{
    public static async Task<List<JsonElement>> ListAsync(ApiClient api, Guid agentId)
    {
        var response = await api.GetAsync($"/api/agents/{agentId}/wakeups");
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        return [.. response.Body.EnumerateArray()];
    }

    /// <summary>
    /// The agent's only wakeup once its status is <paramref name="status"/>. Delivery runs in the
    /// background on its own schedule, so this polls the list (every 100 ms) up to a deadline.
    /// </summary>
    public static async Task<JsonElement> WaitForStatusAsync(ApiClient api, Guid agentId, string status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var wakeup = Assert.Single(await ListAsync(api, agentId));
            if (wakeup.Text("status") == status || DateTime.UtcNow > deadline)
            {
                Assert.Equal(status, wakeup.Text("status"));
                return wakeup;
            }
            await Task.Delay(100);
        }
    }
}
