using Paperclip.Grains;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Grains;

/// <summary>The PATCH and delete rules of the issue grain (reference §4.5, §4.7, CONTRACT §3).</summary>
[Collection(GrainCollection.Name)]
public sealed class IssueUpdateRulesTests(GrainCluster cluster)
{
    private IGrainFactory Grains => cluster.Grains;

    /// <summary>A PATCH without comment: its answer is the issue.</summary>
    private async Task<Reply<Issue>> UpdateAsync(Guid issueId, IssueChanges changes, Actor? actor = null)
    {
        var reply = await Grains.GetGrain<IIssueGrain>(issueId).UpdateAsync(changes, actor ?? GrainSetup.Board);
        return reply.IsSuccess ? Reply<Issue>.Ok(reply.Value!.Issue) : reply.As<Issue>();
    }

    [Fact]
    public async Task ParentThatWouldMakeTheIssueItsOwnAncestorIsUnprocessable()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var root = await GrainSetup.IssueAsync(Grains, company.Id);
        var child = await GrainSetup.IssueAsync(Grains, company.Id, parentId: root.Id);
        var grandchild = await GrainSetup.IssueAsync(Grains, company.Id, parentId: child.Id);

        var cycle = await UpdateAsync(root.Id, new IssueChanges { ParentId = new(grandchild.Id) });
        var self = await UpdateAsync(root.Id, new IssueChanges { ParentId = new(root.Id) });
        var valid = await UpdateAsync(grandchild.Id, new IssueChanges { ParentId = new(root.Id) });

        Assert.Equal((ReplyStatus.Unprocessable, "Issue cannot be its own ancestor"), (cycle.Status, cycle.Error));
        Assert.Equal((ReplyStatus.Unprocessable, "Issue cannot be its own ancestor"), (self.Status, self.Error));
        Assert.Null((await Grains.GetGrain<IIssueGrain>(root.Id).GetAsync())!.ParentId);
        Assert.Equal(ReplyStatus.Ok, valid.Status);
        Assert.Equal(root.Id, valid.Value!.ParentId);
    }

    [Fact]
    public async Task NewAssigneeIsValidatedLikeOnCreate()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var terminated = await GrainSetup.AgentAsync(Grains, company.Id, "terminated");
        var issue = await GrainSetup.IssueAsync(Grains, company.Id);

        var unknown = await UpdateAsync(issue.Id, new IssueChanges { AssigneeAgentId = new(Guid.NewGuid()) });
        var cannotWork = await UpdateAsync(issue.Id, new IssueChanges { AssigneeAgentId = new(terminated.Id) });
        var both = await UpdateAsync(issue.Id, new IssueChanges { AssigneeAgentId = new(terminated.Id), AssigneeUserId = new("someone") });

        Assert.Equal((ReplyStatus.NotFound, "Assignee agent not found"), (unknown.Status, unknown.Error));
        Assert.Equal((ReplyStatus.Conflict, "Cannot assign work to terminated agents"), (cannotWork.Status, cannotWork.Error));
        Assert.Equal((ReplyStatus.Unprocessable, "Issue can only have one assignee"), (both.Status, both.Error));
        Assert.Null((await Grains.GetGrain<IIssueGrain>(issue.Id).GetAsync())!.AssigneeAgentId);
    }

    [Fact]
    public async Task RemovingTheAssigneeOfAnInProgressIssueIsUnprocessable()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var agent = await GrainSetup.AgentAsync(Grains, company.Id);
        var created = await GrainSetup.TryIssueAsync(Grains,
            new NewIssue { CompanyId = company.Id, Title = "t", AssigneeAgentId = agent.Id, Status = IssueStatuses.InProgress });

        var reply = await UpdateAsync(created.Value!.Id, new IssueChanges { AssigneeAgentId = new(null) });
        var withStatus = await UpdateAsync(created.Value.Id, new IssueChanges { AssigneeAgentId = new(null), Status = new(IssueStatuses.Todo) });

        Assert.Equal((ReplyStatus.Unprocessable, "in_progress issues require an assignee"), (reply.Status, reply.Error));
        Assert.Equal(ReplyStatus.Ok, withStatus.Status);
        Assert.Equal((IssueStatuses.Todo, (Guid?)null), (withStatus.Value!.Status, withStatus.Value.AssigneeAgentId));
    }

    [Fact]
    public async Task StatusWritesStampAndClearTheirTimestamps()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var issue = await GrainSetup.IssueAsync(Grains, company.Id);

        var done = (await UpdateAsync(issue.Id, new IssueChanges { Status = new(IssueStatuses.Done) })).Value!;
        var reopened = (await UpdateAsync(issue.Id, new IssueChanges { Status = new(IssueStatuses.Todo) })).Value!;
        var cancelled = (await UpdateAsync(issue.Id, new IssueChanges { Status = new(IssueStatuses.Cancelled) })).Value!;

        Assert.Equal((done.UpdatedAt, (DateTime?)null), (done.CompletedAt!.Value, done.CancelledAt));
        Assert.Equal(((DateTime?)null, (DateTime?)null), (reopened.CompletedAt, reopened.CancelledAt));
        Assert.Equal(((DateTime?)null, (DateTime?)cancelled.UpdatedAt), (cancelled.CompletedAt, cancelled.CancelledAt));
    }

    [Fact]
    public async Task GoalIsRecomputedOnEveryPatch()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var issue = await GrainSetup.IssueAsync(Grains, company.Id);
        var goal = await GrainSetup.GoalAsync(Grains, company.Id, level: "company", status: "active");
        var project = await GrainSetup.ProjectAsync(Grains, company.Id);

        var backfilled = await UpdateAsync(issue.Id, new IssueChanges { Title = new("renamed") });
        var inProject = await UpdateAsync(issue.Id, new IssueChanges { ProjectId = new(project.Id), GoalId = new(null) });

        Assert.Null(issue.GoalId);
        Assert.Equal(goal.Id, backfilled.Value!.GoalId);
        Assert.Null(inProject.Value!.GoalId);
    }

    [Fact]
    public async Task AssigneeMayHandTheIssueBackToItsCreatorWithoutTheAssignGrant()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var agent = await GrainSetup.AgentAsync(Grains, company.Id, permissionsJson: """{"canAssignTasks": false}""");
        var created = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", AssigneeAgentId = agent.Id });
        var actor = GrainSetup.AgentActor(agent);

        var toStranger = await UpdateAsync(created.Value!.Id, new IssueChanges { AssigneeAgentId = new(null), AssigneeUserId = new("stranger") }, actor);
        var toCreator = await UpdateAsync(created.Value.Id, new IssueChanges { AssigneeAgentId = new(null), AssigneeUserId = new(Actor.LocalBoardUserId) }, actor);

        Assert.Equal((ReplyStatus.Forbidden, "Missing permission: tasks:assign"), (toStranger.Status, toStranger.Error));
        Assert.Equal(ReplyStatus.Ok, toCreator.Status);
        Assert.Equal(((Guid?)null, Actor.LocalBoardUserId), (toCreator.Value!.AssigneeAgentId, toCreator.Value.AssigneeUserId));
    }

    [Fact]
    public async Task UpdateOfAMissingIssueIsNotFound()
    {
        var reply = await UpdateAsync(Guid.NewGuid(), new IssueChanges { Title = new("x") });

        Assert.Equal((ReplyStatus.NotFound, "Issue not found"), (reply.Status, reply.Error));
    }

    [Fact]
    public async Task IssueWithChildrenCannotBeDeletedUntilTheyAreGone()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var parent = await GrainSetup.IssueAsync(Grains, company.Id);
        var child = await GrainSetup.IssueAsync(Grains, company.Id, parentId: parent.Id);

        var refused = await Grains.GetGrain<IIssueGrain>(parent.Id).DeleteAsync(GrainSetup.Board);
        var childDeleted = await Grains.GetGrain<IIssueGrain>(child.Id).DeleteAsync(GrainSetup.Board);
        var parentDeleted = await Grains.GetGrain<IIssueGrain>(parent.Id).DeleteAsync(GrainSetup.Board);

        Assert.Equal((ReplyStatus.Conflict, "Issue has child issues"), (refused.Status, refused.Error));
        Assert.Equal(ReplyStatus.Ok, childDeleted.Status);
        Assert.Equal(parent.Id, parentDeleted.Value!.Id);
        Assert.Null(await Grains.GetGrain<IIssueGrain>(parent.Id).GetAsync());
        var deletedAgain = await Grains.GetGrain<IIssueGrain>(parent.Id).DeleteAsync(GrainSetup.Board);
        Assert.Equal((ReplyStatus.NotFound, "Issue not found"), (deletedAgain.Status, deletedAgain.Error));
    }
}
