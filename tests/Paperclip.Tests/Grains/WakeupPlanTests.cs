using Paperclip.Grains;
using Paperclip.Grains.Wakeups;

namespace Paperclip.Tests.Grains;

/// <summary>Which issue changes wake which agent (reference §6.3), as pure decisions.</summary>
public sealed class WakeupPlanTests
{
    private static readonly Guid AgentA = Guid.NewGuid();
    private static readonly Guid AgentB = Guid.NewGuid();
    private static readonly Actor Board = Actor.LocalBoard(null);
    private static readonly Issue Open = new() { Id = Guid.NewGuid(), Status = IssueStatuses.Todo, AssigneeAgentId = AgentA };

    [Fact]
    public void ACommentWakesTheAssigneeOfAnOpenIssue()
    {
        var comment = Guid.NewGuid();
        var intent = Assert.Single(WakeupPlan.ForComment(Open, comment, reopened: false, mentioned: []));
        Assert.Equal((AgentA, WakeReasons.IssueCommented, WakeReasons.SourceAutomation, comment), (intent.AgentId, intent.Reason, intent.Source, intent.CommentId));
        Assert.Contains("\"mutation\":\"comment\"", intent.PayloadJson);
    }

    [Fact]
    public void ACommentOnAClosedIssueWakesTheAssigneeOnlyWhenItReopens()
    {
        var done = Open with { Status = IssueStatuses.Done };
        Assert.Empty(WakeupPlan.ForComment(done, Guid.NewGuid(), reopened: false, mentioned: []));
        var reopened = Assert.Single(WakeupPlan.ForComment(Open, Guid.NewGuid(), reopened: true, mentioned: []));
        Assert.Equal(WakeReasons.IssueReopenedViaComment, reopened.Reason);
    }

    [Fact]
    public void MentionsWakeEvenOnAClosedIssue()
    {
        var done = Open with { Status = IssueStatuses.Cancelled, AssigneeAgentId = null };
        var intent = Assert.Single(WakeupPlan.ForComment(done, Guid.NewGuid(), reopened: false, mentioned: [AgentB]));
        Assert.Equal((AgentB, WakeReasons.IssueCommentMentioned), (intent.AgentId, intent.Reason));
    }

    [Fact]
    public void AMentionedAssigneeIsWokenOnceForTheComment()
    {
        var merged = WakeupPlan.Merge(WakeupPlan.ForComment(Open, Guid.NewGuid(), reopened: false, mentioned: [AgentA, AgentB]), Board);
        Assert.Equal([(AgentA, WakeReasons.IssueCommented), (AgentB, WakeReasons.IssueCommentMentioned)], merged.Select(i => (i.AgentId, i.Reason)));
    }

    [Fact]
    public void TheAssigneesOwnCommentDoesNotWakeIt()
    {
        var author = new Actor(ActorType.Agent, null, AgentA, Guid.Empty, "run", "agent_key", false);
        var merged = WakeupPlan.Merge(WakeupPlan.ForComment(Open, Guid.NewGuid(), reopened: true, mentioned: [AgentB]), author);
        Assert.Equal([AgentB], merged.Select(i => i.AgentId));
    }

    [Fact]
    public void AnUpdateWithoutAssigneeOrBacklogChangeWakesNobody()
    {
        Assert.Empty(WakeupPlan.ForUpdate(Open, Open with { Title = "x" }, statusSent: false));
        Assert.Empty(WakeupPlan.ForUpdate(Open, Open with { Status = IssueStatuses.Blocked }, statusSent: true));
        Assert.Empty(WakeupPlan.ForUpdate(Open, Open with { AssigneeAgentId = null, AssigneeUserId = "user" }, statusSent: false));
    }

    [Fact]
    public void AReassignmentOutOfTheBacklogWakesForTheAssignmentOnly()
    {
        var backlog = Open with { Status = IssueStatuses.Backlog };
        var intent = Assert.Single(WakeupPlan.ForUpdate(backlog, Open with { AssigneeAgentId = AgentB }, statusSent: true));
        Assert.Equal((AgentB, WakeReasons.IssueAssigned), (intent.AgentId, intent.Reason));
    }

    [Fact]
    public void ACheckoutWakesTheAgentThatNowHoldsTheIssue()
    {
        var intent = Assert.Single(WakeupPlan.ForCheckout(Open with { Status = IssueStatuses.InProgress }));
        Assert.Equal((AgentA, WakeReasons.IssueCheckedOut, WakeReasons.SourceAssignment), (intent.AgentId, intent.Reason, intent.Source));
    }
}
