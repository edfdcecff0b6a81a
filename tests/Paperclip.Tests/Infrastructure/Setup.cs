namespace Paperclip.Tests.Infrastructure;

/// <summary>Creates the records tests build on, through the API, with unique names.</summary>
public static class Setup
{
    public static async Task<Guid> CompanyAsync(ApiClient api, string? name = null)
    {
        var response = await api.PostAsync("/api/companies", new { name = name ?? $"Co {Guid.NewGuid():N}" });
        Assert.True(response.Status == System.Net.HttpStatusCode.Created, response.ToString());
        return response.Id;
    }

    public static async Task<Guid> AgentAsync(ApiClient api, Guid companyId, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = $"agent-{Guid.NewGuid():N}"[..14] };
        Merge(body, extra);
        var response = await api.PostAsync($"/api/companies/{companyId}/agents", body);
        Assert.True(response.Status == System.Net.HttpStatusCode.Created, response.ToString());
        return response.Id;
    }

    public static async Task<ApiResponse> IssueAsync(ApiClient api, Guid companyId, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["title"] = $"Issue {Guid.NewGuid():N}" };
        Merge(body, extra);
        var response = await api.PostAsync($"/api/companies/{companyId}/issues", body);
        Assert.True(response.Status == System.Net.HttpStatusCode.Created, response.ToString());
        return response;
    }

    private static void Merge(Dictionary<string, object?> body, object? extra)
    {
        if (extra is null)
        {
            return;
        }
        foreach (var property in extra.GetType().GetProperties())
        {
            body[property.Name] = property.GetValue(extra);
        }
    }
}
