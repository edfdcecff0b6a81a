using System.Net;
using System.Text.RegularExpressions;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>Agent API keys and the agent's rights (CONTRACT §2, reference §3), in local_trusted mode.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class AgentAuthTests(ApiCluster cluster)
{
    private ApiClient Board => cluster.Api;

    [Fact]
    public async Task BoardCreatesAnAgentKeyShownOnceAndTheAgentAuthenticatesWithIt()
    {
        var company = await Setup.CompanyAsync(Board);
        var agentId = await Setup.AgentAsync(Board, company);
        var created = await Board.PostAsync($"/api/agents/{agentId}/keys", new { name = "laptop" });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var token = created.Str("token");
        Assert.Matches(TokenPattern(), token);
        Assert.Equal("laptop", created.Str("name"));

        var me = await cluster.ApiB.GetAsync("/api/agents/me", bearer: token);
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(agentId, me.Id);

        var listed = await Board.GetAsync($"/api/agents/{agentId}/keys");
        var key = Assert.Single(listed.Body.EnumerateArray());
        Assert.False(key.TryGetProperty("token", out _));
        Assert.DoesNotContain(token, listed.Text);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, key.GetProperty("lastUsedAt").ValueKind);
        Assert.DoesNotContain(token, cluster.Logs);
    }

    [Fact]
    public async Task RevokedKeyIsRefusedOnEveryGatewayAtOnce()
    {
        var company = await Setup.CompanyAsync(Board);
        var agentId = await Setup.AgentAsync(Board, company);
        var created = await Board.PostAsync($"/api/agents/{agentId}/keys", new { });
        var token = created.Str("token");
        Assert.Equal(HttpStatusCode.OK, (await Board.GetAsync("/api/agents/me", bearer: token)).Status);

        var revoked = await Board.DeleteAsync($"/api/agents/{agentId}/keys/{created.Id}");
        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, revoked.Body.GetProperty("revokedAt").ValueKind);

        foreach (var api in new[] { Board, cluster.ApiB })
        {
            var refused = await api.GetAsync("/api/agents/me", bearer: token);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
            Assert.Equal("Unauthorized", refused.Error);
        }
    }

    [Theory]
    [InlineData("terminated")]
    [InlineData("pending_approval")]
    public async Task AgentsThatAreTerminatedOrAwaitingApprovalCannotAuthenticate(string status)
    {
        var company = await Setup.CompanyAsync(Board);
        var agentId = await Setup.AgentAsync(Board, company);
        var token = await AgentKeys.CreateAsync(Board, agentId);
        await Board.PatchAsync($"/api/agents/{agentId}", new { status });
        Assert.Equal(HttpStatusCode.Unauthorized, (await Board.GetAsync("/api/agents/me", bearer: token)).Status);
    }

    [Theory]
    [InlineData("Bearer pcp_0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task InvalidCredentialsAreUnauthorizedNeverTheBoard(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/companies");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var response = await Board.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"Unauthorized\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AgentsMeIsForAgentsOnly()
    {
        var response = await Board.GetAsync("/api/agents/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("Agent authentication required", response.Error);
    }

    [Fact]
    public async Task BoardOnlyOperationsAreRefusedToAgents()
    {
        var company = await Setup.CompanyAsync(Board);
        var agentId = await Setup.AgentAsync(Board, company);
        var agent = Board.As(await AgentKeys.CreateAsync(Board, agentId));

        var refusals = new[]
        {
            await agent.PostAsync($"/api/agents/{agentId}/keys", new { }),
            await agent.GetAsync($"/api/agents/{agentId}/keys"),
            await agent.PostAsync("/api/companies", new { name = "Mine" }),
            await agent.PatchAsync($"/api/companies/{company}", new { name = "Mine" }),
            await agent.PostAsync($"/api/companies/{company}/agents", new { name = "clone" }),
            await agent.PatchAsync($"/api/agents/{agentId}", new { status = "active" }),
            await agent.PostAsync("/api/board-keys", new { }),
        };
        Assert.All(refusals, response =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            Assert.Equal("Board authentication required", response.Error);
        });
    }

    [Fact]
    public async Task AgentCreatesIssuesAsItselfWhateverTheBodySays()
    {
        var company = await Setup.CompanyAsync(Board);
        var agentId = await Setup.AgentAsync(Board, company);
        var agent = Board.As(await AgentKeys.CreateAsync(Board, agentId));
        var issue = await agent.PostAsync($"/api/companies/{company}/issues",
            new { title = "mine", createdByUserId = "someone-else", createdByAgentId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Created, issue.Status);
        Assert.Equal(agentId.ToString(), issue.Str("createdByAgentId"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, issue.Body.GetProperty("createdByUserId").ValueKind);
    }

    [Fact]
    public async Task AssigningWorkNeedsTheAssignPermission()
    {
        var company = await Setup.CompanyAsync(Board);
        var worker = await Setup.AgentAsync(Board, company);
        var restricted = await Setup.AgentAsync(Board, company, new { permissions = new { canAssignTasks = false } });
        var ceo = await Setup.AgentAsync(Board, company, new { role = "ceo", permissions = new { canAssignTasks = false } });
        var restrictedApi = Board.As(await AgentKeys.CreateAsync(Board, restricted));
        var ceoApi = Board.As(await AgentKeys.CreateAsync(Board, ceo));

        var refused = await restrictedApi.PostAsync($"/api/companies/{company}/issues", new { title = "x", assigneeAgentId = worker });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("Missing permission: tasks:assign", refused.Error);
        var unassigned = await restrictedApi.PostAsync($"/api/companies/{company}/issues", new { title = "x" });
        Assert.Equal(HttpStatusCode.Created, unassigned.Status);
        var reassign = await restrictedApi.PatchAsync($"/api/issues/{unassigned.Id}", new { assigneeAgentId = worker });
        Assert.Equal("Missing permission: tasks:assign", reassign.Error);

        Assert.Equal(HttpStatusCode.Created, (await ceoApi.PostAsync($"/api/companies/{company}/issues", new { title = "x", assigneeAgentId = worker })).Status);
        Assert.Equal(HttpStatusCode.OK, (await restrictedApi.PatchAsync($"/api/issues/{unassigned.Id}", new { title = "renamed" })).Status);
    }

    [Fact]
    public async Task AssigneeMayHandAnIssueBackToItsCreatorWithoutThePermission()
    {
        var company = await Setup.CompanyAsync(Board);
        var restricted = await Setup.AgentAsync(Board, company, new { permissions = new { canAssignTasks = false } });
        var agent = Board.As(await AgentKeys.CreateAsync(Board, restricted));
        var issue = await Setup.IssueAsync(Board, company, new { assigneeAgentId = restricted });

        var handBack = await agent.PatchAsync($"/api/issues/{issue.Id}", new { assigneeAgentId = (Guid?)null, assigneeUserId = "local-board", status = "in_review" });
        Assert.Equal(HttpStatusCode.OK, handBack.Status);
        Assert.Equal("local-board", handBack.Str("assigneeUserId"));
    }

    [GeneratedRegex("^pcp_[0-9a-f]{48}$")]
    private static partial Regex TokenPattern();
}
