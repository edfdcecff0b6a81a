using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary><c>authenticated</c> mode: board keys, agent JWTs, and no anonymous access (CONTRACT §2).</summary>
[Collection(AuthenticatedCollection.Name)]
public sealed class AuthenticatedModeTests(AuthenticatedCluster cluster)
{
    private ApiClient Anonymous => cluster.Api;
    private ApiClient Board => cluster.Api.As(AuthenticatedCluster.BoardKey);

    [Fact]
    public async Task RequestsWithoutCredentialsAreUnauthorizedExceptTheHealthCheck()
    {
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync("/api/health")).Status);
        foreach (var path in new[] { "/api/companies", $"/api/issues/{Guid.NewGuid()}", "/api/agents/me" })
        {
            var response = await Anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Equal("Unauthorized", response.Error);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.PostAsync("/api/companies", new { name = "x" })).Status);
    }

    [Fact]
    public async Task TheBootstrapBoardKeyMintsBoardKeysThatWorkUntilRevoked()
    {
        var company = await Setup.CompanyAsync(Board);
        var minted = await Board.PostAsync("/api/board-keys", new { name = "ops" });
        Assert.Equal(HttpStatusCode.Created, minted.Status);
        var token = minted.Str("token");
        Assert.StartsWith("pcb_", token);

        var viaKey = await cluster.ApiB.GetAsync($"/api/companies/{company}", bearer: token);
        Assert.Equal(HttpStatusCode.OK, viaKey.Status);
        var listed = await Board.GetAsync("/api/board-keys");
        Assert.DoesNotContain(token, listed.Text);

        Assert.Equal(HttpStatusCode.OK, (await Board.DeleteAsync($"/api/board-keys/{minted.Id}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Board.GetAsync($"/api/companies/{company}", bearer: token)).Status);
        Assert.DoesNotContain(token, cluster.Logs);
        Assert.DoesNotContain(AuthenticatedCluster.BoardKey, cluster.Logs);
    }

    [Fact]
    public async Task ABootstrapKeyShapedLikeABoardKeyIsTheBoardAndANearMissIsUnauthorized()
    {
        var key = AuthenticatedCluster.BoardKey;
        var nearMiss = key[..^1] + (key[^1] == '0' ? '1' : '0');
        foreach (var api in new[] { cluster.Api, cluster.ApiB })
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/companies", bearer: key)).Status);
            // Twice: the second answer comes from the gateway's memory of unknown keys.
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var refused = await api.GetAsync("/api/companies", bearer: nearMiss);
                Assert.Equal((HttpStatusCode.Unauthorized, "Unauthorized"), (refused.Status, refused.Error));
            }
        }
    }

    [Fact]
    public async Task AValidAgentJwtAuthenticatesTheAgent()
    {
        var company = await Setup.CompanyAsync(Board);
        var agentId = await Setup.AgentAsync(Board, company);
        var me = await Anonymous.GetAsync("/api/agents/me", bearer: AuthenticatedCluster.Jwt(agentId, company));
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(agentId, me.Id);
    }

    [Fact]
    public async Task AgentJwtsThatDoNotVerifyAreUnauthorized()
    {
        var company = await Setup.CompanyAsync(Board);
        var otherCompany = await Setup.CompanyAsync(Board);
        var agentId = await Setup.AgentAsync(Board, company);
        var terminated = await Setup.AgentAsync(Board, company);
        await Board.PatchAsync($"/api/agents/{terminated}", new { status = "terminated" });

        var bad = new Dictionary<string, string>
        {
            ["expired"] = AuthenticatedCluster.Jwt(agentId, company, lifetime: TimeSpan.FromMinutes(-5)),
            ["bad signature"] = AuthenticatedCluster.Jwt(agentId, company, secret: "another-secret-of-sufficient-length-0123456789"),
            ["wrong issuer"] = AuthenticatedCluster.Jwt(agentId, company, issuer: "someone-else"),
            ["wrong audience"] = AuthenticatedCluster.Jwt(agentId, company, audience: "other-api"),
            ["no run id"] = AuthenticatedCluster.Jwt(agentId, company, runId: null),
            ["wrong company"] = AuthenticatedCluster.Jwt(agentId, otherCompany),
            ["unknown agent"] = AuthenticatedCluster.Jwt(Guid.NewGuid(), company),
            ["terminated agent"] = AuthenticatedCluster.Jwt(terminated, company),
        };
        foreach (var (name, token) in bad)
        {
            var response = await Anonymous.GetAsync("/api/agents/me", bearer: token);
            Assert.True(response.Status == HttpStatusCode.Unauthorized, $"{name}: {response}");
        }
        // Without optional iss/aud claims the token is fine.
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync("/api/agents/me",
            bearer: AuthenticatedCluster.Jwt(agentId, company, issuer: null, audience: null))).Status);
    }

    [Fact]
    public async Task AgentKeysWorkInAuthenticatedModeToo()
    {
        var company = await Setup.CompanyAsync(Board);
        var agentId = await Setup.AgentAsync(Board, company);
        var token = await AgentKeys.CreateAsync(Board, agentId, AuthenticatedCluster.BoardKey);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync($"/api/companies/{company}/issues", bearer: token)).Status);
        Assert.DoesNotContain(token, cluster.Logs);
    }
}
