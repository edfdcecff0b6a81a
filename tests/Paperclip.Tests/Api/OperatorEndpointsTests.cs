using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// What operators use in <c>authenticated</c> mode: the dashboard is the board's alone (a browser
/// signs in with a board key as the Basic password), while metrics and readiness, which carry no
/// tenant data, need no credentials.
/// </summary>
[Collection(AuthenticatedCollection.Name)]
public sealed class OperatorEndpointsTests(AuthenticatedCluster cluster)
{
    private HttpClient Http => cluster.Api.Http;

    [Fact]
    public async Task TheDashboardAsksACallerWithoutCredentialsForThemWithA401()
    {
        using var response = await Http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("{\"error\":\"Unauthorized\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheDashboardRefusesAnAgentKeyWith403()
    {
        var board = cluster.Api.As(AuthenticatedCluster.BoardKey);
        var company = await Setup.CompanyAsync(board);
        var agent = await Setup.AgentAsync(board, company);
        var agentKey = await AgentKeys.CreateAsync(board, agent);

        foreach (var path in new[] { "/dashboard/", "/dashboard/DashboardCounters" })
        {
            var response = await cluster.Api.GetAsync(path, bearer: agentKey);
            Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            Assert.Equal("Board authentication required", response.Error);
        }
    }

    [Fact]
    public async Task TheBoardOpensTheDashboardWithItsKeyAsBearerOrAsBasicPassword()
    {
        using var asBearer = await SendAsync("/dashboard/", new AuthenticationHeaderValue("Bearer", AuthenticatedCluster.BoardKey));
        Assert.Equal(HttpStatusCode.OK, asBearer.StatusCode);

        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{AuthenticatedCluster.BoardKey}"));
        using var asBasic = await SendAsync("/dashboard/DashboardCounters", new AuthenticationHeaderValue("Basic", basic));
        Assert.Equal(HttpStatusCode.OK, asBasic.StatusCode);

        var wrong = Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:not-the-board-key"));
        using var asWrongBasic = await SendAsync("/dashboard/", new AuthenticationHeaderValue("Basic", wrong));
        Assert.Equal(HttpStatusCode.Unauthorized, asWrongBasic.StatusCode);
    }

    [Fact]
    public async Task BasicCredentialsOpenNothingButTheDashboard()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{AuthenticatedCluster.BoardKey}"));
        using var response = await SendAsync("/api/companies", new AuthenticationHeaderValue("Basic", basic));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task MetricsAndReadinessNeedNoCredentials()
    {
        using var metrics = await Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await metrics.Content.ReadAsStringAsync());

        var ready = await cluster.Api.GetAsync("/api/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("ready", ready.Str("status"));
    }

    private async Task<HttpResponseMessage> SendAsync(string path, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        return await Http.SendAsync(request);
    }
}
