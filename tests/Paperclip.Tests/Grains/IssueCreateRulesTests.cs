using Paperclip.Grains;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Grains;

/// <summary>
/// The create rules of the issue grain (reference §4.2, CONTRACT §3): defaults, assignee checks
/// with their exact messages and statuses, references that must belong to the company, and the
/// goal fallback.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class IssueCreateRulesTests(GrainCluster cluster)
{
    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task IssueWithoutAssigneeIsBacklogMediumWithTheFirstIdentifier()
    {
        var company = await GrainSetup.CompanyAsync(Grains);

        var reply = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "First" });

        Assert.Equal(ReplyStatus.Created, reply.Status);
        var issue = reply.Value!;
        Assert.Equal((IssueStatuses.Backlog, IssuePriorities.Medium), (issue.Status, issue.Priority));
        Assert.Equal((1, $"{company.IssuePrefix}-1"), (issue.IssueNumber, issue.Identifier));
        Assert.Equal((Actor.LocalBoardUserId, (Guid?)null), (issue.CreatedByUserId, issue.CreatedByAgentId));
        Assert.Equal("manual", issue.OriginKind);
        Assert.Null(issue.GoalId);
        Assert.Equal(issue.CreatedAt, issue.UpdatedAt);
        Assert.Null(issue.StartedAt);
    }

    [Fact]
    public async Task IssueWithAnAssigneeAgentDefaultsToTodo()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var agent = await GrainSetup.AgentAsync(Grains, company.Id);

        var reply = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", AssigneeAgentId = agent.Id });

        Assert.Equal(ReplyStatus.Created, reply.Status);
        Assert.Equal(IssueStatuses.Todo, reply.Value!.Status);
        Assert.Equal(agent.Id, reply.Value.AssigneeAgentId);
    }

    [Fact]
    public async Task InProgressWithAnAssigneeStampsStartedAt()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var agent = await GrainSetup.AgentAsync(Grains, company.Id);

        var reply = await GrainSetup.TryIssueAsync(Grains,
            new NewIssue { CompanyId = company.Id, Title = "t", AssigneeAgentId = agent.Id, Status = IssueStatuses.InProgress });

        Assert.Equal(IssueStatuses.InProgress, reply.Value!.Status);
        Assert.Equal(reply.Value.CreatedAt, reply.Value.StartedAt);
    }

    [Fact]
    public async Task UnknownAssigneeAgentIsNotFound()
    {
        var company = await GrainSetup.CompanyAsync(Grains);

        var reply = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", AssigneeAgentId = Guid.NewGuid() });

        Assert.Equal((ReplyStatus.NotFound, "Assignee agent not found"), (reply.Status, reply.Error));
    }

    [Fact]
    public async Task AssigneeAgentOfAnotherCompanyIsUnprocessable()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var other = await GrainSetup.CompanyAsync(Grains);
        var foreignAgent = await GrainSetup.AgentAsync(Grains, other.Id);

        var reply = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", AssigneeAgentId = foreignAgent.Id });

        Assert.Equal((ReplyStatus.Unprocessable, "Assignee must belong to same company"), (reply.Status, reply.Error));
    }

    [Theory]
    [InlineData("pending_approval", "Cannot assign work to pending approval agents")]
    [InlineData("terminated", "Cannot assign work to terminated agents")]
    public async Task AgentsThatCannotWorkCannotBeAssigned(string status, string error)
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var agent = await GrainSetup.AgentAsync(Grains, company.Id, status);

        var reply = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", AssigneeAgentId = agent.Id });

        Assert.Equal((ReplyStatus.Conflict, error), (reply.Status, reply.Error));
    }

    [Fact]
    public async Task PausedAgentCanBeAssigned()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var agent = await GrainSetup.AgentAsync(Grains, company.Id, "paused");

        var reply = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", AssigneeAgentId = agent.Id });

        Assert.Equal(ReplyStatus.Created, reply.Status);
    }

    [Fact]
    public async Task AgentAndUserAssigneeTogetherAreUnprocessable()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var agent = await GrainSetup.AgentAsync(Grains, company.Id);

        var reply = await GrainSetup.TryIssueAsync(Grains,
            new NewIssue { CompanyId = company.Id, Title = "t", AssigneeAgentId = agent.Id, AssigneeUserId = "someone" });

        Assert.Equal((ReplyStatus.Unprocessable, "Issue can only have one assignee"), (reply.Status, reply.Error));
    }

    [Fact]
    public async Task InProgressWithoutAssigneeIsUnprocessable()
    {
        var company = await GrainSetup.CompanyAsync(Grains);

        var reply = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", Status = IssueStatuses.InProgress });

        Assert.Equal((ReplyStatus.Unprocessable, "in_progress issues require an assignee"), (reply.Status, reply.Error));
    }

    [Fact]
    public async Task AgentWithoutTheAssignGrantMayCreateButNotAssign()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var creator = await GrainSetup.AgentAsync(Grains, company.Id, permissionsJson: """{"canAssignTasks": false}""");
        var worker = await GrainSetup.AgentAsync(Grains, company.Id);
        var actor = GrainSetup.AgentActor(creator);

        var assigned = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", AssigneeAgentId = worker.Id }, actor);
        var unassigned = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t" }, actor);

        Assert.Equal((ReplyStatus.Forbidden, "Missing permission: tasks:assign"), (assigned.Status, assigned.Error));
        Assert.Equal(ReplyStatus.Created, unassigned.Status);
        Assert.Equal((creator.Id, (string?)null), (unassigned.Value!.CreatedByAgentId, unassigned.Value.CreatedByUserId));
    }

    [Fact]
    public async Task CeoMayAssignEvenWithoutTheAssignGrant()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var ceo = await GrainSetup.AgentAsync(Grains, company.Id, role: "ceo", permissionsJson: """{"canAssignTasks": false}""");
        var worker = await GrainSetup.AgentAsync(Grains, company.Id);

        var reply = await GrainSetup.TryIssueAsync(Grains,
            new NewIssue { CompanyId = company.Id, Title = "t", AssigneeAgentId = worker.Id }, GrainSetup.AgentActor(ceo));

        Assert.Equal(ReplyStatus.Created, reply.Status);
    }

    [Fact]
    public async Task ReferencesOfAnotherCompanyAreUnprocessable()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var other = await GrainSetup.CompanyAsync(Grains);
        var project = await GrainSetup.ProjectAsync(Grains, other.Id);
        var goal = await GrainSetup.GoalAsync(Grains, other.Id);
        var parent = await GrainSetup.IssueAsync(Grains, other.Id);
        var label = await GrainSetup.LabelAsync(Grains, other.Id);
        NewIssue Issue() => new() { CompanyId = company.Id, Title = "t" };

        var replies = new[]
        {
            await GrainSetup.TryIssueAsync(Grains, Issue() with { ProjectId = project.Id }),
            await GrainSetup.TryIssueAsync(Grains, Issue() with { GoalId = goal.Id }),
            await GrainSetup.TryIssueAsync(Grains, Issue() with { ParentId = parent.Id }),
            await GrainSetup.TryIssueAsync(Grains, Issue() with { LabelIds = [label.Id] }),
            await GrainSetup.TryIssueAsync(Grains, Issue() with { ProjectId = Guid.NewGuid() }),
            await GrainSetup.TryIssueAsync(Grains, Issue() with { LabelIds = [Guid.NewGuid()] }),
        };

        Assert.Equal(
            [
                (ReplyStatus.Unprocessable, "Project not found"),
                (ReplyStatus.Unprocessable, "Goal not found"),
                (ReplyStatus.Unprocessable, "Parent issue not found"),
                (ReplyStatus.Unprocessable, "One or more labels are invalid for this company"),
                (ReplyStatus.Unprocessable, "Project not found"),
                (ReplyStatus.Unprocessable, "One or more labels are invalid for this company"),
            ],
            replies.Select(r => (r.Status, r.Error)));
    }

    [Fact]
    public async Task RefusedCreatesDoNotUseUpIssueNumbers()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", Status = IssueStatuses.InProgress });
        await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", AssigneeAgentId = Guid.NewGuid() });
        await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", LabelIds = [Guid.NewGuid()] });

        var issue = await GrainSetup.IssueAsync(Grains, company.Id);

        Assert.Equal($"{company.IssuePrefix}-1", issue.Identifier);
    }

    [Fact]
    public async Task IssueOfAMissingCompanyIsNotFound()
    {
        var reply = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = Guid.NewGuid(), Title = "t" });

        Assert.Equal((ReplyStatus.NotFound, "Company not found"), (reply.Status, reply.Error));
    }

    [Fact]
    public async Task SecondCreateOfTheSameIssueIsAConflict()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var issue = await GrainSetup.IssueAsync(Grains, company.Id);

        var again = await Grains.GetGrain<IIssueGrain>(issue.Id).CreateAsync(new NewIssue { CompanyId = company.Id, Title = "again" }, GrainSetup.Board);

        Assert.Equal((ReplyStatus.Conflict, "Issue already exists"), (again.Status, again.Error));
        Assert.Equal("An issue", (await Grains.GetGrain<IIssueGrain>(issue.Id).GetAsync())!.Title);
    }

    [Fact]
    public async Task LabelsAreDeduplicated()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var label = await GrainSetup.LabelAsync(Grains, company.Id);

        var reply = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", LabelIds = [label.Id, label.Id] });

        Assert.Equal([label.Id], reply.Value!.LabelIds);
    }

    [Fact]
    public async Task GoalFallsBackToTheEarliestActiveRootCompanyGoal()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var t = Clock.Truncate(DateTimeOffset.UtcNow);
        await GrainSetup.GoalAsync(Grains, company.Id, level: "task", status: "active", createdAt: t);
        await GrainSetup.GoalAsync(Grains, company.Id, level: "company", status: "planned", createdAt: t.AddSeconds(1));
        var activeRoot = await GrainSetup.GoalAsync(Grains, company.Id, level: "company", status: "active", createdAt: t.AddSeconds(2));
        await GrainSetup.GoalAsync(Grains, company.Id, level: "company", status: "active", parentId: activeRoot.Id, createdAt: t.AddSeconds(3));
        await GrainSetup.GoalAsync(Grains, company.Id, level: "company", status: "active", createdAt: t.AddSeconds(4));

        var issue = await GrainSetup.IssueAsync(Grains, company.Id);

        Assert.Equal(activeRoot.Id, issue.GoalId);
    }

    [Fact]
    public async Task GoalFallsBackToTheEarliestRootCompanyGoalWhenNoneIsActive()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var t = Clock.Truncate(DateTimeOffset.UtcNow);
        await GrainSetup.GoalAsync(Grains, company.Id, level: "team", status: "active", createdAt: t);
        var root = await GrainSetup.GoalAsync(Grains, company.Id, level: "company", status: "planned", createdAt: t.AddSeconds(1));
        await GrainSetup.GoalAsync(Grains, company.Id, level: "company", status: "achieved", createdAt: t.AddSeconds(2));

        var issue = await GrainSetup.IssueAsync(Grains, company.Id);

        Assert.Equal(root.Id, issue.GoalId);
    }

    [Fact]
    public async Task ExplicitGoalIsKeptAndAProjectWithoutGoalGetsNoFallback()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        await GrainSetup.GoalAsync(Grains, company.Id, level: "company", status: "active");
        var chosen = await GrainSetup.GoalAsync(Grains, company.Id);
        var project = await GrainSetup.ProjectAsync(Grains, company.Id);

        var withGoal = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", GoalId = chosen.Id });
        var inProject = await GrainSetup.TryIssueAsync(Grains, new NewIssue { CompanyId = company.Id, Title = "t", ProjectId = project.Id });

        Assert.Equal(chosen.Id, withGoal.Value!.GoalId);
        Assert.Null(inProject.Value!.GoalId);
        Assert.Equal(project.Id, inProject.Value.ProjectId);
    }
}
