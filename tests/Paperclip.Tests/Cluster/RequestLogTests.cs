using System.Net;
using System.Text.Json;
using Paperclip.Gateway.Observability;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Cluster;

/// <summary>
/// The silo's log, in both formats: what is written while handling a request carries the request
/// id the caller got in <c>X-Request-Id</c>, and no credential ever appears, whether it was
/// accepted or refused.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class RequestLogTests
{
    private const string BogusAgentKey = "pcp_0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task FailedRequestsAreLoggedWithTheirRequestIdAndNoTokenIsEverLogged(string format)
    {
        var database = await TestDatabase.CreateAsync();
        await using var silo = SiloProcess.Start(database.Url, $"log-{Guid.NewGuid():N}", "silo-l", withHttp: true, new Dictionary<string, string>
        {
            ["PAPERCLIP_DEPLOYMENT_MODE"] = "authenticated",
            ["PAPERCLIP_BOARD_API_KEY"] = AuthenticatedCluster.BoardKey,
            ["PAPERCLIP_AGENT_JWT_SECRET"] = AuthenticatedCluster.JwtSecret,
            ["PAPERCLIP_LOG_FORMAT"] = format,
        });
        await silo.WaitForHttpAsync(TimeSpan.FromSeconds(90));
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.HttpPort}"), Timeout = TimeSpan.FromSeconds(60) };
        var board = new ApiClient(http, AuthenticatedCluster.BoardKey);
        var company = await Setup.CompanyAsync(board);
        var agent = await Setup.AgentAsync(board, company);
        var agentKey = await AgentKeys.CreateAsync(board, agent);
        var forgedJwt = AuthenticatedCluster.Jwt(agent, company, secret: "not-the-secret-of-this-server-0123456789abcdef");
        var goodJwt = AuthenticatedCluster.Jwt(agent, company);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, "/api/agents/me", agentKey)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, "/api/agents/me", goodJwt)).Status);
        foreach (var refused in new[] { BogusAgentKey, forgedJwt, "pcb_short" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, "/api/companies", refused)).Status);
        }
        var failed = new List<(HttpStatusCode Status, string RequestId)>();
        await database.SetReachableAsync(false);
        try
        {
            failed.Add(await SendAsync(http, $"/api/companies/{company}/issues", AuthenticatedCluster.BoardKey, new { title = "during outage" }));
            failed.Add(await SendAsync(http, "/api/agents/me", agentKey, runId: Guid.NewGuid().ToString()));
        }
        finally
        {
            await database.SetReachableAsync(true);
        }

        // The console logger writes from its own queue: give the last lines a moment to arrive.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!failed.All(f => silo.Output.Contains(f.RequestId, StringComparison.Ordinal)) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }
        var lines = silo.Output.Split('\n');
        foreach (var (status, requestId) in failed)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            var line = Assert.Single(lines, line => line.Contains(requestId, StringComparison.Ordinal));
            Assert.Contains($"failed with 503", line);
            if (format == "json")
            {
                using var entry = JsonDocument.Parse(line);
                Assert.Contains(entry.RootElement.GetProperty("Scopes").EnumerateArray(),
                    scope => scope.TryGetProperty("RequestId", out var id) && id.GetString() == requestId);
            }
        }
        foreach (var secret in new[] { AuthenticatedCluster.BoardKey, agentKey, BogusAgentKey, forgedJwt, goodJwt, "pcp_", "pcb_", "eyJ" })
        {
            Assert.DoesNotContain(secret, silo.Output);
        }
    }

    private static async Task<(HttpStatusCode Status, string RequestId)> SendAsync(
        HttpClient http, string path, string bearer, object? body = null, string? runId = null)
    {
        using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, path);
        request.Headers.Authorization = new("Bearer", bearer);
        if (runId is not null)
        {
            request.Headers.Add("X-Paperclip-Run-Id", runId);
        }
        if (body is not null)
        {
            request.Content = JsonContent(body);
        }
        using var response = await http.SendAsync(request);
        return (response.StatusCode, Assert.Single(response.Headers.GetValues(RequestIdHeader.Name)));
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
