namespace Paperclip.Tests.Infrastructure;

/// <summary>Creates the records tests build on, through the API, with unique names.</summary>
public static class Setup
{
    public static async Task<Guid> CompanyAsync(ApiClient api, string? name = null) =>
        (await CreateAsync(api, "/api/companies", new() { ["name"] = name ?? $"Co {Guid.NewGuid():N}" }, null)).Id;

    /// <summary>A fresh company and its issue prefix (identifiers are <c>{prefix}-{n}</c>).</summary>
    public static async Task<(Guid Id, string Prefix)> CompanyWithPrefixAsync(ApiClient api)
    {
        var response = await CreateAsync(api, "/api/companies", new() { ["name"] = $"Co {Guid.NewGuid():N}" }, null);
        return (response.Id, response.Str("issuePrefix"));
    }

    public static async Task<Guid> AgentAsync(ApiClient api, Guid companyId, object? extra = null) =>
        (await CreateAsync(api, $"/api/companies/{companyId}/agents", new() { ["name"] = $"agent-{Guid.NewGuid():N}"[..14] }, extra)).Id;

    /// <summary>An agent of the company, then moved to <paramref name="status"/> by the board.</summary>
    public static async Task<Guid> AgentWithStatusAsync(ApiClient api, Guid companyId, string status)
    {
        var agent = await AgentAsync(api, companyId);
        var patched = await api.PatchAsync($"/api/agents/{agent}", new { status });
        Assert.True(patched.Status == System.Net.HttpStatusCode.OK, patched.ToString());
        return agent;
    }

    public static async Task<Guid> ProjectAsync(ApiClient api, Guid companyId, object? extra = null) =>
        (await CreateAsync(api, $"/api/companies/{companyId}/projects", new() { ["name"] = $"Project {Guid.NewGuid():N}"[..16] }, extra)).Id;

    public static async Task<Guid> GoalAsync(ApiClient api, Guid companyId, object? extra = null) =>
        (await CreateAsync(api, $"/api/companies/{companyId}/goals", new() { ["title"] = $"Goal {Guid.NewGuid():N}"[..13] }, extra)).Id;

    public static async Task<Guid> LabelAsync(ApiClient api, Guid companyId, string? name = null) =>
        (await CreateAsync(api, $"/api/companies/{companyId}/labels",
            new() { ["name"] = name ?? $"label-{Guid.NewGuid():N}"[..14], ["color"] = "#336699" }, null)).Id;

    public static Task<ApiResponse> IssueAsync(ApiClient api, Guid companyId, object? extra = null) =>
        CreateAsync(api, $"/api/companies/{companyId}/issues", new() { ["title"] = $"Issue {Guid.NewGuid():N}" }, extra);

    /// <summary>
    /// <paramref name="count"/> issues created <paramref name="parallel"/> at a time, alternating
    /// between the gateways; <paramref name="body"/> gives each one's fields from its index.
    /// </summary>
    public static async Task<List<ApiResponse>> IssuesAsync(
        IReadOnlyList<ApiClient> gateways, Guid companyId, int count, Func<int, object> body, int parallel = 8)
    {
        var created = new ApiResponse[count];
        var next = -1;
        async Task WorkerAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                created[i] = await CreateAsync(gateways[i % gateways.Count], $"/api/companies/{companyId}/issues", new() { ["title"] = $"Issue {i}" }, body(i));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => WorkerAsync()));
        return [.. created];
    }

    private static async Task<ApiResponse> CreateAsync(ApiClient api, string path, Dictionary<string, object?> body, object? extra)
    {
        Merge(body, extra);
        var response = await api.PostAsync(path, body);
        Assert.True(response.Status == System.Net.HttpStatusCode.Created, $"POST {path}: {response}");
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
