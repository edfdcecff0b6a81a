using Paperclip.Grains.Journal;

namespace Paperclip.Grains.Issues;

/// <summary>
/// Comments (reference §4.9). A comment is a turn of the issue grain, so it is ordered with the
/// issue's status changes and its reopen is atomic with it; its row lives in <c>issue_comment</c>,
/// not in the state.
/// </summary>
public sealed partial class IssueGrain
{
    public async Task<Reply<IssueComment>> AddCommentAsync(NewComment command, Actor actor)
    {
        if (!state.RecordExists)
        {
            return NotFound.As<IssueComment>();
        }
        // Checked before anything is written: the reference reopened the issue first and then
        // refused the interrupt, leaving half a request applied (CONTRACT §2: board-only).
        if (command.Interrupt && !actor.IsBoard)
        {
            return Reply<IssueComment>.Fail(ReplyStatus.Forbidden, "Only board users can interrupt active runs from issue comments");
        }
        var before = state.State;
        var gated = await PassRunGateAsync(before, actor);
        if (!gated.IsSuccess)
        {
            return gated.As<IssueComment>();
        }
        var issue = gated.Value!;
        var now = time.UtcNow();
        var entries = new List<ActivityEntry>(AdoptionEntries(before, issue, actor, now));
        string? reopenedFrom = null;
        if (command.Reopen && IssueStatuses.IsClosed(issue.Status))
        {
            reopenedFrom = issue.Status;
            issue = IssueLifecycle.WriteStatus(issue, IssueStatuses.Todo, now);
            entries.Add(Activities.OfIssue(actor, issue, IssueActivity.Updated, IssueActivity.ReopenDetails(issue, reopenedFrom), now));
        }
        var interrupted = command.Interrupt ? await InterruptRunAsync(issue) : null;
        if (interrupted is not null)
        {
            entries.Add(Activities.Of(actor, issue.CompanyId, IssueActivity.RunCancelled, "heartbeat_run", interrupted.Id,
                new Dictionary<string, object?> { ["agentId"] = interrupted.AgentId, ["source"] = "issue_comment_interrupt", ["issueId"] = issue.Id }, now));
        }
        var comment = NewCommentRecord(issue, command.Body, actor, now);
        var details = IssueActivity.CommentDetails(comment, issue, reopenedFrom);
        if (interrupted is not null)
        {
            details["interruptedRunId"] = interrupted.Id;
        }
        entries.Add(Activities.OfIssue(actor, issue, IssueActivity.CommentAdded, details, now));
        await CommitAsync(issue with { UpdatedAt = now }, comment, entries);
        await wakeups.ForCommentAsync(state.State, comment.Id, comment.Body, actor, reopened: reopenedFrom is not null);
        return Reply<IssueComment>.Created(comment);
    }

    /// <summary>The comment row, authored by the agent or the board user calling.</summary>
    private static IssueComment NewCommentRecord(Issue issue, string body, Actor actor, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        CompanyId = issue.CompanyId,
        IssueId = issue.Id,
        AuthorAgentId = actor.IsAgent ? actor.AgentId : null,
        AuthorUserId = actor.IsAgent ? null : actor.UserId,
        Body = body,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Cancels the issue's live execution run, if it has one; the cancelled run, else <c>null</c>.</summary>
    private async Task<HeartbeatRun?> InterruptRunAsync(Issue issue)
    {
        if (issue.ExecutionRunId is not { } runId)
        {
            return null;
        }
        var finished = await GrainFactory.GetGrain<IHeartbeatRunGrain>(runId).FinishAsync(RunStatuses.Cancelled, null);
        return finished.IsSuccess ? finished.Value : null;
    }
}
