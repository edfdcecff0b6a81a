using System.Net;
using System.Text.Json;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>Checkout, release, force-release and the run-ownership gate through HTTP (reference §4.6, §4.8, §5; CONTRACT §4).</summary>
[Collection(ApiCollection.Name)]
public sealed class CheckoutApiTests(ApiCluster cluster)
{
    private ApiClient Board => cluster.Api;

    [Fact]
    public async Task AgentChecksOutATodoIssueWithItsRun()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });

        var response = await agent.CheckoutAsync(issue.Id, "todo", "backlog", "blocked");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("in_progress", response.Str("status"));
        Assert.Equal(agent.AgentId.ToString(), response.Str("assigneeAgentId"));
        Assert.Equal(agent.RunId, response.Str("checkoutRunId"));
        Assert.Equal(agent.RunId, response.Str("executionRunId"));
        Assert.NotNull(response.Body.GetProperty("startedAt").GetString());

        var again = await agent.CheckoutAsync(issue.Id, "todo");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(response.Str("updatedAt"), again.Str("updatedAt"));

        var list = await Board.GetAsync($"/api/companies/{company}/issues");
        var activeRun = list.Body[0].GetProperty("activeRun");
        Assert.Equal(agent.RunId, activeRun.GetProperty("id").GetString());
        Assert.Equal("running", activeRun.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ConflictNamesTheOwnerAndTheReason()
    {
        var company = await Setup.CompanyAsync(Board);
        var owner = await AgentSession.CreateAsync(Board, company);
        var other = await AgentSession.CreateAsync(Board, company, cluster.ApiB);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });
        await owner.CheckoutAsync(issue.Id, "todo");

        var response = await other.CheckoutAsync(issue.Id, "todo", "in_progress");
        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("Issue checkout conflict", response.Error);
        var details = response.Body.GetProperty("details");
        Assert.Equal(issue.Id.ToString(), details.GetProperty("issueId").GetString());
        Assert.Equal("in_progress", details.GetProperty("status").GetString());
        Assert.Equal(owner.AgentId.ToString(), details.GetProperty("assigneeAgentId").GetString());
        Assert.Equal(owner.RunId, details.GetProperty("checkoutRunId").GetString());
        Assert.Equal(owner.RunId, details.GetProperty("executionRunId").GetString());
        Assert.Equal("held_by_other_agent", details.GetProperty("conflictReason").GetString());
        Assert.Equal("running", details.GetProperty("holderRunStatus").GetString());
    }

    [Fact]
    public async Task AgentCanOnlyCheckOutAsItselfAndOnlyWithARunId()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var other = await Setup.AgentAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });

        var asOther = await agent.Api.PostAsync($"/api/issues/{issue.Id}/checkout", new { agentId = other, expectedStatuses = new[] { "todo" } }, runId: agent.RunId);
        Assert.Equal(HttpStatusCode.Forbidden, asOther.Status);
        Assert.Equal("Agent can only checkout as itself", asOther.Error);

        var noRun = await agent.Api.PostAsync($"/api/issues/{issue.Id}/checkout", new { agentId = agent.AgentId, expectedStatuses = new[] { "todo" } });
        Assert.Equal(HttpStatusCode.Unauthorized, noRun.Status);
        Assert.Equal("Agent run id required", noRun.Error);

        var bodyRunIgnored = await agent.Api.PostAsync($"/api/issues/{issue.Id}/checkout",
            new { agentId = agent.AgentId, expectedStatuses = new[] { "todo" }, runId = Guid.NewGuid() });
        Assert.Equal("Agent run id required", bodyRunIgnored.Error);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"agentId\":\"x\",\"expectedStatuses\":[\"todo\"]}")]
    [InlineData("{\"agentId\":\"7d3f0c4e-0000-4000-8000-000000000000\",\"expectedStatuses\":[]}")]
    [InlineData("{\"agentId\":\"7d3f0c4e-0000-4000-8000-000000000000\",\"expectedStatuses\":[\"doing\"]}")]
    public async Task MalformedCheckoutBodiesAreValidationErrors(string body)
    {
        var company = await Setup.CompanyAsync(Board);
        var issue = await Setup.IssueAsync(Board, company);
        var response = await Board.SendRawAsync(HttpMethod.Post, $"/api/issues/{issue.Id}/checkout", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Validation error", response.Error);
    }

    [Fact]
    public async Task PausedProjectBlocksCheckout()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var project = await Board.PostAsync($"/api/companies/{company}/projects", new { name = "Frozen" });
        await Board.PatchAsync($"/api/projects/{project.Id}", new { pausedAt = "2026-01-01T00:00:00.000Z" });
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo", projectId = project.Id });

        var response = await agent.CheckoutAsync(issue.Id, "todo");
        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("Project is paused", response.Error);
    }

    [Fact]
    public async Task BoardChecksOutOnBehalfOfAnAgentWhoseRunThenAdoptsIt()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });

        var byBoard = await Board.PostAsync($"/api/issues/{issue.Id}/checkout", new { agentId = agent.AgentId, expectedStatuses = new[] { "todo" } });
        Assert.Equal(HttpStatusCode.OK, byBoard.Status);
        Assert.Equal(JsonValueKind.Null, byBoard.Body.GetProperty("checkoutRunId").ValueKind);

        var adopted = await agent.CheckoutAsync(issue.Id, "todo");
        Assert.Equal(HttpStatusCode.OK, adopted.Status);
        Assert.Equal(agent.RunId, adopted.Str("checkoutRunId"));
    }

    [Fact]
    public async Task RunIdOfAnotherAgentIsRefused()
    {
        var company = await Setup.CompanyAsync(Board);
        var owner = await AgentSession.CreateAsync(Board, company);
        var thief = await AgentSession.CreateAsync(Board, company);
        await owner.Api.GetAsync("/api/agents/me", runId: owner.RunId);

        var response = await thief.Api.GetAsync("/api/agents/me", runId: owner.RunId);
        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("Run belongs to another agent", response.Error);
    }

    [Fact]
    public async Task ReleaseByTheOwningRunReturnsTheIssueToTodoWithoutLocks()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var other = await AgentSession.CreateAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });
        await agent.CheckoutAsync(issue.Id, "todo");

        var byOther = await other.ReleaseAsync(issue.Id);
        Assert.Equal(HttpStatusCode.Conflict, byOther.Status);
        Assert.Equal("Only assignee can release issue", byOther.Error);

        var withoutRun = await agent.Api.PostAsync($"/api/issues/{issue.Id}/release");
        Assert.Equal(HttpStatusCode.Unauthorized, withoutRun.Status);

        var released = await agent.ReleaseAsync(issue.Id);
        Assert.Equal(HttpStatusCode.OK, released.Status);
        Assert.Equal("todo", released.Str("status"));
        foreach (var field in new[] { "assigneeAgentId", "checkoutRunId", "executionRunId", "executionLockedAt" })
        {
            Assert.Equal(JsonValueKind.Null, released.Body.GetProperty(field).ValueKind);
        }
        Assert.Equal(HttpStatusCode.OK, (await other.CheckoutAsync(issue.Id, "todo")).Status);
    }

    [Fact]
    public async Task ReleaseKeepsStatusesOtherThanInProgress()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });
        await agent.CheckoutAsync(issue.Id, "todo");
        await agent.PatchAsync(issue.Id, new { status = "in_review" });
        var released = await agent.ReleaseAsync(issue.Id);
        Assert.Equal("in_review", released.Str("status"));
    }

    [Fact]
    public async Task OwnerRunOfAnotherLiveRunIsRefusedByTheGateAndAStaleOneIsAdopted()
    {
        var company = await Setup.CompanyAsync(Board);
        var first = await AgentSession.CreateAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });
        await first.CheckoutAsync(issue.Id, "todo");
        var second = first.NewRun();

        var noRun = await first.Api.PatchAsync($"/api/issues/{issue.Id}", new { title = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, noRun.Status);
        Assert.Equal("Agent run id required", noRun.Error);

        var blocked = await second.PatchAsync(issue.Id, new { title = "from second run" });
        Assert.Equal(HttpStatusCode.Conflict, blocked.Status);
        Assert.Equal("Issue run ownership conflict", blocked.Error);
        var details = blocked.Body.GetProperty("details");
        Assert.Equal(first.RunId, details.GetProperty("checkoutRunId").GetString());
        Assert.Equal(second.RunId, details.GetProperty("actorRunId").GetString());
        Assert.Equal(first.AgentId.ToString(), details.GetProperty("actorAgentId").GetString());
        Assert.Equal("in_progress", (await Board.GetAsync($"/api/issues/{issue.Id}")).Str("status"));

        var finished = await Board.PostAsync($"/api/heartbeat-runs/{first.RunId}/finish", new { status = "failed", error = "crashed" });
        Assert.Equal("failed", finished.Str("status"));

        var adopted = await second.PatchAsync(issue.Id, new { title = "from second run" });
        Assert.Equal(HttpStatusCode.OK, adopted.Status);
        Assert.Equal(second.RunId, adopted.Str("checkoutRunId"));
        Assert.Equal("from second run", adopted.Str("title"));
    }

    [Fact]
    public async Task LeavingInProgressOrReassigningClearsBothLocks()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var other = await Setup.AgentAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });
        await agent.CheckoutAsync(issue.Id, "todo");

        var blocked = await agent.PatchAsync(issue.Id, new { status = "blocked" });
        Assert.Equal(JsonValueKind.Null, blocked.Body.GetProperty("checkoutRunId").ValueKind);
        Assert.Equal(JsonValueKind.Null, blocked.Body.GetProperty("executionRunId").ValueKind);

        await agent.CheckoutAsync(issue.Id, "blocked");
        var reassigned = await Board.PatchAsync($"/api/issues/{issue.Id}", new { assigneeAgentId = other });
        Assert.Equal("in_progress", reassigned.Str("status"));
        Assert.Equal(JsonValueKind.Null, reassigned.Body.GetProperty("checkoutRunId").ValueKind);
        Assert.Equal(JsonValueKind.Null, reassigned.Body.GetProperty("executionRunId").ValueKind);
    }

    [Fact]
    public async Task BoardForceReleaseClearsLocksAndReportsThePreviousOnes()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });
        await agent.CheckoutAsync(issue.Id, "todo");

        var byAgent = await agent.Api.PostAsync($"/api/issues/{issue.Id}/admin/force-release", runId: agent.RunId);
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.Status);
        Assert.Equal("Board authentication required", byAgent.Error);

        var forced = await Board.PostAsync($"/api/issues/{issue.Id}/admin/force-release?clearAssignee=true");
        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.Equal(agent.RunId, forced.Body.GetProperty("previous").GetProperty("checkoutRunId").GetString());
        Assert.Equal(agent.RunId, forced.Body.GetProperty("previous").GetProperty("executionRunId").GetString());
        var released = forced.Body.GetProperty("issue");
        Assert.Equal("todo", released.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, released.GetProperty("assigneeAgentId").ValueKind);
        Assert.Equal(JsonValueKind.Null, released.GetProperty("checkoutRunId").ValueKind);
    }

    [Fact]
    public async Task WakeupQueuesARunThatTheAgentsFirstRequestStartsAndFinishEnds()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await AgentSession.CreateAsync(Board, company);
        var woken = await Board.PostAsync($"/api/agents/{agent.AgentId}/wakeup", new { source = "on_demand", reason = "go", payload = new { issueId = Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.Accepted, woken.Status);
        Assert.Equal("queued", woken.Str("status"));
        var runId = woken.Str("id");

        await agent.Api.GetAsync("/api/agents/me", runId: runId);
        var running = await cluster.ApiB.GetAsync($"/api/heartbeat-runs/{runId}");
        Assert.Equal("running", running.Str("status"));
        Assert.NotNull(running.Body.GetProperty("startedAt").GetString());

        var other = await AgentSession.CreateAsync(Board, company);
        var notTheirs = await other.Api.PostAsync($"/api/heartbeat-runs/{runId}/finish", new { status = "succeeded" });
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.Status);

        var finished = await agent.Api.PostAsync($"/api/heartbeat-runs/{runId}/finish", new { status = "succeeded" });
        Assert.Equal("succeeded", finished.Str("status"));
        var twice = await agent.Api.PostAsync($"/api/heartbeat-runs/{runId}/finish", new { status = "failed" });
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Board.PostAsync($"/api/heartbeat-runs/{runId}/finish", new { status = "timed_out" })).Status);
        Assert.Equal("Heartbeat run not found", (await Board.GetAsync($"/api/heartbeat-runs/{Guid.NewGuid()}")).Error);
    }

    [Fact]
    public async Task PausedAgentsCannotBeWoken()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentAsync(Board, company);
        await Board.PatchAsync($"/api/agents/{agent}", new { status = "paused" });
        var response = await Board.PostAsync($"/api/agents/{agent}/wakeup", new { });
        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("Agent is not invokable in its current state", response.Error);
    }
}
