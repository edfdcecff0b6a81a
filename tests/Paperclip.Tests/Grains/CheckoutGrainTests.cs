using System.Text.Json;
using Paperclip.Grains;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Grains;

/// <summary>Every branch of the checkout algorithm (reference §5.2 + CONTRACT §4), one grain turn each.</summary>
[Collection(GrainCollection.Name)]
public sealed class CheckoutGrainTests(GrainCluster cluster)
{
    private static readonly Actor Board = Actor.LocalBoard(null);
    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task AgentRunWinsAnUnassignedTodoIssueAndHoldsBothLocks()
    {
        var (issue, agent) = await NewIssueAsync();
        var run = Guid.NewGuid();
        var reply = await Checkout(issue, agent, run, "todo");

        Assert.Equal(ReplyStatus.Ok, reply.Status);
        var claimed = reply.Value!;
        Assert.Equal(IssueStatuses.InProgress, claimed.Status);
        Assert.Equal(agent.Id, claimed.AssigneeAgentId);
        Assert.Equal(run, claimed.CheckoutRunId);
        Assert.Equal(run, claimed.ExecutionRunId);
        Assert.Equal(agent.Name.ToLowerInvariant(), claimed.ExecutionAgentNameKey);
        Assert.NotNull(claimed.StartedAt);
    }

    [Fact]
    public async Task SameAgentAndRunCheckingOutAgainIsIdempotentWithoutSideEffects()
    {
        var (issue, agent) = await NewIssueAsync();
        var run = Guid.NewGuid();
        var first = (await Checkout(issue, agent, run, "todo")).Value!;
        var again = await Checkout(issue, agent, run, "in_progress", "todo");
        Assert.Equal(ReplyStatus.Ok, again.Status);
        // Records compare their lists by reference, so compare with the same lists.
        Assert.Equal(first, again.Value! with { LabelIds = first.LabelIds, Documents = first.Documents });
    }

    [Fact]
    public async Task AgentRunAdoptsItsUnownedInProgressIssueFromABoardCheckout()
    {
        var (issue, agent) = await NewIssueAsync();
        var board = await Grains.GetGrain<IIssueGrain>(issue.Id).CheckoutAsync(new CheckoutCommand(agent.Id, ["todo"], null), Board);
        Assert.Null(board.Value!.CheckoutRunId);

        var run = await LiveRunAsync(agent);
        var adopted = await Checkout(issue, agent, run, "todo");
        Assert.Equal(ReplyStatus.Ok, adopted.Status);
        Assert.Equal(run, adopted.Value!.CheckoutRunId);
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("cancelled")]
    [InlineData("succeeded")]
    public async Task NewRunOfTheAssigneeAdoptsTheLockOfAFinishedRun(string finishedAs)
    {
        var (issue, agent) = await NewIssueAsync();
        var oldRun = await LiveRunAsync(agent);
        await Checkout(issue, agent, oldRun, "todo");
        await Grains.GetGrain<IHeartbeatRunGrain>(oldRun).FinishAsync(finishedAs, null);

        var newRun = await LiveRunAsync(agent);
        var adopted = await Checkout(issue, agent, newRun, "todo");
        Assert.Equal(ReplyStatus.Ok, adopted.Status);
        Assert.Equal(newRun, adopted.Value!.CheckoutRunId);
        Assert.Equal(newRun, adopted.Value.ExecutionRunId);
    }

    [Fact]
    public async Task NewRunOfTheAssigneeAdoptsTheLockOfARunTheServerNeverSaw()
    {
        var (issue, agent) = await NewIssueAsync();
        await Checkout(issue, agent, Guid.NewGuid(), "todo");
        var newRun = await LiveRunAsync(agent);
        Assert.Equal(ReplyStatus.Ok, (await Checkout(issue, agent, newRun, "todo")).Status);
    }

    [Fact]
    public async Task IssueAssignedToAnotherAgentIsNeverStolen()
    {
        var (issue, agent) = await NewIssueAsync();
        var other = await NewAgentAsync(issue.CompanyId);
        await Checkout(issue, agent, await LiveRunAsync(agent), "todo");

        var reply = await Checkout(issue, other, await LiveRunAsync(other), "todo", "in_progress");
        AssertConflict(reply, "held_by_other_agent", issue.Id, "running");
    }

    [Fact]
    public async Task SecondRunOfTheSameAgentIsRefusedWhileTheFirstIsLive()
    {
        var (issue, agent) = await NewIssueAsync();
        await Checkout(issue, agent, await LiveRunAsync(agent), "todo");
        var reply = await Checkout(issue, agent, await LiveRunAsync(agent), "in_progress");
        AssertConflict(reply, "held_by_live_run", issue.Id, "running");
    }

    [Fact]
    public async Task IssueOutsideTheExpectedStatusesIsAConflict()
    {
        var (issue, agent) = await NewIssueAsync();
        await Grains.GetGrain<IIssueGrain>(issue.Id).UpdateAsync(new IssueChanges { Status = new("done") }, Board);
        var reply = await Checkout(issue, agent, await LiveRunAsync(agent), "todo", "backlog");
        AssertConflict(reply, "status_not_expected", issue.Id, null);
        Assert.Equal(IssueStatuses.Done, (await Grains.GetGrain<IIssueGrain>(issue.Id).GetAsync())!.Status);
    }

    [Fact]
    public async Task TerminatedAgentCannotCheckOut()
    {
        var (issue, agent) = await NewIssueAsync();
        var current = (await Grains.GetGrain<IAgentGrain>(agent.Id).GetAsync())!;
        await Grains.GetGrain<IAgentGrain>(agent.Id).ReplaceAsync(current with { Status = "terminated" }, current.UpdatedAt);
        var reply = await Checkout(issue, agent, Guid.NewGuid(), "todo");
        Assert.Equal(ReplyStatus.Conflict, reply.Status);
        Assert.Equal("Cannot assign work to terminated agents", reply.Error);
    }

    [Fact]
    public async Task ExactlyOneOfThirtyTwoConcurrentAgentsWinsAcrossTwoSilos()
    {
        for (var round = 0; round < 5; round++)
        {
            var (issue, first) = await NewIssueAsync();
            var agents = new List<Agent> { first };
            for (var i = 1; i < 32; i++)
            {
                agents.Add(await NewAgentAsync(issue.CompanyId));
            }
            var runs = await Task.WhenAll(agents.Select(LiveRunAsync));
            var replies = await Task.WhenAll(agents.Select((agent, i) => Checkout(issue, agent, runs[i], "todo")));

            var winners = replies.Select((reply, i) => (reply, i)).Where(x => x.reply.Status == ReplyStatus.Ok).ToList();
            var winner = Assert.Single(winners);
            Assert.Equal(31, replies.Count(reply => reply.Status == ReplyStatus.Conflict));
            var final = (await Grains.GetGrain<IIssueGrain>(issue.Id).GetAsync())!;
            Assert.Equal(agents[winner.i].Id, final.AssigneeAgentId);
            Assert.Equal(runs[winner.i], final.CheckoutRunId);
        }
    }

    private Task<Reply<Issue>> Checkout(Issue issue, Agent agent, Guid runId, params string[] expected) =>
        Grains.GetGrain<IIssueGrain>(issue.Id).CheckoutAsync(new CheckoutCommand(agent.Id, expected, runId),
            new Actor(ActorType.Agent, null, agent.Id, agent.CompanyId, runId.ToString(), "agent_key", false));

    private static void AssertConflict(Reply<Issue> reply, string reason, Guid issueId, string? holderStatus)
    {
        Assert.Equal(ReplyStatus.Conflict, reply.Status);
        Assert.Equal("Issue checkout conflict", reply.Error);
        var details = JsonDocument.Parse(reply.DetailsJson!).RootElement;
        Assert.Equal(reason, details.GetProperty("conflictReason").GetString());
        Assert.Equal(issueId, details.GetProperty("issueId").GetGuid());
        Assert.Equal(holderStatus, details.GetProperty("holderRunStatus").GetString());
        foreach (var field in new[] { "status", "assigneeAgentId", "checkoutRunId", "executionRunId" })
        {
            Assert.True(details.TryGetProperty(field, out _), field);
        }
    }

    private async Task<Guid> LiveRunAsync(Agent agent)
    {
        var run = Guid.NewGuid();
        var touched = await Grains.GetGrain<IHeartbeatRunGrain>(run).TouchAsync(agent.Id, agent.CompanyId, mayRegister: true);
        Assert.Equal(RunStatuses.Running, touched.Value!.Status);
        return run;
    }

    private async Task<(Issue Issue, Agent Agent)> NewIssueAsync()
    {
        var companyId = Guid.NewGuid();
        var now = DateTime.UtcNow;
        await Grains.GetGrain<ICompanyGrain>(companyId).CreateAsync(new Company { Id = companyId, Name = "Checkout Co", CreatedAt = now, UpdatedAt = now });
        var agent = await NewAgentAsync(companyId);
        var id = Guid.NewGuid();
        var created = await Grains.GetGrain<IIssueGrain>(id).CreateAsync(new NewIssue { CompanyId = companyId, Title = "claim me", Status = "todo" }, Board);
        return (created.Value!, agent);
    }

    private async Task<Agent> NewAgentAsync(Guid companyId)
    {
        var id = Guid.NewGuid();
        var now = DateTime.UtcNow;
        var reply = await Grains.GetGrain<IAgentGrain>(id).CreateAsync(new Agent { Id = id, CompanyId = companyId, Name = $"Agent{id:N}"[..12], CreatedAt = now, UpdatedAt = now });
        return reply.Value!;
    }
}
