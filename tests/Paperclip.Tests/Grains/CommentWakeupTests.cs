using Microsoft.Extensions.DependencyInjection;
using Paperclip.Grains;
using Paperclip.Grains.Wakeups;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Grains;

/// <summary>
/// The comment-side trigger (<see cref="WakeupTriggers.ForCommentAsync"/>, reference §4.9, §6.1) on
/// the real grains and storage: whom a comment wakes, recorded as durable rows.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class CommentWakeupTests(GrainCluster cluster)
{
    private IGrainFactory Grains => cluster.Grains;
    private WakeupTriggers Triggers => cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<WakeupTriggers>();

    [Fact]
    public async Task ABoardCommentWakesTheAssigneeAndTheMentionedAgents()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var assignee = await GrainSetup.AgentAsync(Grains, company.Id);
        var named = await GrainSetup.AgentAsync(Grains, company.Id);
        var linked = await GrainSetup.AgentAsync(Grains, company.Id);
        var bystander = await GrainSetup.AgentAsync(Grains, company.Id);
        var issue = await AssignedIssueAsync(company.Id, assignee.Id);
        var comment = Guid.NewGuid();

        await Triggers.ForCommentAsync(issue, comment, $"@{named.Name.ToUpperInvariant()}, see [this](agent://{linked.Id}).", GrainSetup.Board, reopened: false);

        var woken = await WakeupAsync(assignee.Id);
        Assert.Equal((WakeReasons.IssueCommented, WakeReasons.SourceAutomation, issue.Id, comment), (woken.Reason, woken.Source, woken.IssueId, woken.CommentId));
        Assert.Equal(WakeReasons.IssueCommentMentioned, (await WakeupAsync(named.Id)).Reason);
        var mention = await WakeupAsync(linked.Id);
        Assert.Equal(WakeReasons.IssueCommentMentioned, mention.Reason);
        Assert.Equal($$"""{"issueId": "{{issue.Id}}", "commentId": "{{comment}}"}""", mention.PayloadJson);
        Assert.Empty(await CommentWakeupsAsync(bystander.Id));
    }

    [Fact]
    public async Task TheAuthorIsNotWokenByItsOwnCommentOrMention()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var assignee = await GrainSetup.AgentAsync(Grains, company.Id);
        var issue = await AssignedIssueAsync(company.Id, assignee.Id);

        await Triggers.ForCommentAsync(issue, Guid.NewGuid(), $"Note to self, @{assignee.Name}", GrainSetup.AgentActor(assignee), reopened: false);

        Assert.Empty(await CommentWakeupsAsync(assignee.Id));
    }

    [Fact]
    public async Task AMentionWakesAnAgentWhileAnotherRunHoldsTheIssue()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var holder = await GrainSetup.AgentAsync(Grains, company.Id);
        var reviewer = await GrainSetup.AgentAsync(Grains, company.Id);
        var issue = await AssignedIssueAsync(company.Id, holder.Id);
        var run = Guid.NewGuid();
        await Grains.GetGrain<IHeartbeatRunGrain>(run).TouchAsync(holder.Id, company.Id, mayRegister: true);
        var held = await Grains.GetGrain<IIssueGrain>(issue.Id).CheckoutAsync(new CheckoutCommand(holder.Id, [IssueStatuses.Todo], run), GrainSetup.AgentActor(holder));
        Assert.Equal(ReplyStatus.Ok, held.Status);

        await Triggers.ForCommentAsync(held.Value!, Guid.NewGuid(), $"@{reviewer.Name} please review", GrainSetup.AgentActor(holder), reopened: false);

        Assert.Equal(WakeupStatuses.Queued, (await WakeupAsync(reviewer.Id)).Status);
    }

    [Fact]
    public async Task AReopeningCommentWakesTheAssigneeWithItsOwnReason()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var assignee = await GrainSetup.AgentAsync(Grains, company.Id);
        var issue = await AssignedIssueAsync(company.Id, assignee.Id);

        await Triggers.ForCommentAsync(issue with { Status = IssueStatuses.Done }, Guid.NewGuid(), "Not done yet", GrainSetup.Board, reopened: false);
        Assert.Empty(await CommentWakeupsAsync(assignee.Id));

        await Triggers.ForCommentAsync(issue, Guid.NewGuid(), "Not done yet", GrainSetup.Board, reopened: true);
        Assert.Equal(WakeReasons.IssueReopenedViaComment, (await WakeupAsync(assignee.Id)).Reason);
    }

    [Fact]
    public async Task AnotherCompanysAgentIsNeverWokenByAComment()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var stranger = await GrainSetup.AgentAsync(Grains, (await GrainSetup.CompanyAsync(Grains)).Id);
        var issue = await GrainSetup.IssueAsync(Grains, company.Id);

        await Triggers.ForCommentAsync(issue, Guid.NewGuid(), $"@{stranger.Name} [s](agent://{stranger.Id})", GrainSetup.Board, reopened: false);

        Assert.Empty(await CommentWakeupsAsync(stranger.Id));
    }

    [Fact]
    public async Task APatchThatAssignsAndMentionsTheSameAgentWakesItOnceForTheAssignment()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var agent = await GrainSetup.AgentAsync(Grains, company.Id);
        var colleague = await GrainSetup.AgentAsync(Grains, company.Id);
        var before = await GrainSetup.IssueAsync(Grains, company.Id);
        var after = before with { Status = IssueStatuses.Todo, AssigneeAgentId = agent.Id };
        var changes = new IssueChanges { AssigneeAgentId = new Change<Guid?>(agent.Id) };

        await Triggers.ForUpdateAsync(before, after, changes, GrainSetup.Board, (Guid.NewGuid(), $"@{agent.Name} and @{colleague.Name}", false));

        var assigned = Assert.Single(await Grains.GetGrain<IQueryGrain>(0).ListWakeupsAsync(agent.Id, 10));
        Assert.Equal((WakeReasons.IssueAssigned, (Guid?)null), (assigned.Reason, assigned.CommentId));
        Assert.Equal(WakeReasons.IssueCommentMentioned, (await WakeupAsync(colleague.Id)).Reason);
    }

    private async Task<Issue> AssignedIssueAsync(Guid companyId, Guid agentId)
    {
        var reply = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = companyId, Title = "Work", AssigneeAgentId = agentId });
        Assert.Equal(ReplyStatus.Created, reply.Status);
        // Creating an assigned issue wakes its assignee; these tests look at comment wakeups only.
        return reply.Value!;
    }

    /// <summary>The agent's wakeups other than the assignment of its issue.</summary>
    private async Task<List<WakeupRequest>> CommentWakeupsAsync(Guid agentId) =>
        [.. (await Grains.GetGrain<IQueryGrain>(0).ListWakeupsAsync(agentId, 10)).Where(wakeup => wakeup.Reason != WakeReasons.IssueAssigned)];

    private async Task<WakeupRequest> WakeupAsync(Guid agentId) => Assert.Single(await CommentWakeupsAsync(agentId));
}
