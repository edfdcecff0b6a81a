using System.Text.Json;

namespace Paperclip.Grains.Wakeups;

/// <summary>An agent to wake and why, before it is addressed (agent status, webhook) and stored.</summary>
public sealed record WakeIntent(Guid AgentId, string Reason, string Source, Guid IssueId, Guid? CommentId, string PayloadJson);

/// <summary>
/// Which agents an issue change wakes (reference §4.2, §4.5 step 10, §4.6, §4.9, §6.3). Pure: the
/// issue before and after, and who acted, decide. An actor never wakes itself (its own comments,
/// self-assignments and checkouts): it is already at work, and self-wakes made agents loop (§14).
/// </summary>
public static class WakeupPlan
{
    public static IEnumerable<WakeIntent> ForCreate(Issue created)
    {
        if (created.AssigneeAgentId is { } agent && created.Status != IssueStatuses.Backlog)
        {
            yield return Assignment(agent, created.Id, WakeReasons.IssueAssigned, "create");
        }
    }

    /// <summary>
    /// A new agent assignee outside the backlog is woken; otherwise an agent assignee is woken when
    /// the request sent a status that takes the issue out of the backlog.
    /// </summary>
    public static IEnumerable<WakeIntent> ForUpdate(Issue before, Issue after, bool statusSent)
    {
        if (after.AssigneeAgentId is not { } agent)
        {
            yield break;
        }
        if (agent != before.AssigneeAgentId)
        {
            if (after.Status != IssueStatuses.Backlog)
            {
                yield return Assignment(agent, after.Id, WakeReasons.IssueAssigned, "update");
            }
        }
        else if (statusSent && before.Status == IssueStatuses.Backlog && after.Status != IssueStatuses.Backlog)
        {
            yield return new WakeIntent(agent, WakeReasons.IssueStatusChanged, WakeReasons.SourceAutomation, after.Id, null,
                Payload(new { issueId = after.Id, mutation = "update" }));
        }
    }

    /// <summary>
    /// Everyone but the agent itself (the board, on its behalf) wakes the agent that now holds the
    /// issue; an agent can only check out as itself and only inside a run, so it is never woken.
    /// </summary>
    public static IEnumerable<WakeIntent> ForCheckout(Issue checkedOut)
    {
        if (checkedOut.AssigneeAgentId is { } agent)
        {
            yield return Assignment(agent, checkedOut.Id, WakeReasons.IssueCheckedOut, "checkout");
        }
    }

    /// <summary>
    /// A comment wakes the issue's agent assignee when it reopened the issue, or when the issue is
    /// open (the author never wakes itself: <see cref="Merge"/>); then the mentioned agents, whether
    /// or not another run holds the issue.
    /// </summary>
    public static IEnumerable<WakeIntent> ForComment(Issue issue, Guid commentId, bool reopened, IReadOnlyList<Guid> mentioned)
    {
        if (issue.AssigneeAgentId is { } assignee && (reopened || !IssueStatuses.IsClosed(issue.Status)))
        {
            yield return new WakeIntent(assignee, reopened ? WakeReasons.IssueReopenedViaComment : WakeReasons.IssueCommented,
                WakeReasons.SourceAutomation, issue.Id, commentId,
                Payload(new { issueId = issue.Id, commentId, mutation = "comment" }));
        }
        foreach (var intent in ForMentions(issue, commentId, mentioned))
        {
            yield return intent;
        }
    }

    public static IEnumerable<WakeIntent> ForMentions(Issue issue, Guid commentId, IReadOnlyList<Guid> mentioned) =>
        mentioned.Select(agent => new WakeIntent(agent, WakeReasons.IssueCommentMentioned, WakeReasons.SourceAutomation,
            issue.Id, commentId, Payload(new { issueId = issue.Id, commentId })));

    /// <summary>One wakeup per agent, the first reason winning (reference §4.5: merged per agent), and none for the actor.</summary>
    public static IReadOnlyList<WakeIntent> Merge(IEnumerable<WakeIntent> intents, Actor actor) =>
        [.. intents.Where(intent => intent.AgentId != actor.AgentId).DistinctBy(intent => intent.AgentId)];

    private static WakeIntent Assignment(Guid agent, Guid issueId, string reason, string mutation) =>
        new(agent, reason, WakeReasons.SourceAssignment, issueId, null, Payload(new { issueId, mutation }));

    private static string Payload(object value) => JsonSerializer.Serialize(value);
}
