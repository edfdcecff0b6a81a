using System.Text.Json;
using Paperclip.Grains.Journal;
using Paperclip.Grains.Telemetry;

namespace Paperclip.Grains.Issues;

/// <summary>
/// Checkout, release and the run-ownership gate. Each is one turn of the (non-reentrant) issue
/// grain: read the lock, ask the holder run whether it is still live, decide, write, reply. No
/// other request on this issue can interleave, which is what makes exactly one racer win.
/// </summary>
public sealed partial class IssueGrain
{
    public async Task<Reply<Issue>> CheckoutAsync(CheckoutCommand command, Actor actor)
    {
        if (!state.RecordExists)
        {
            return NotFound;
        }
        var issue = state.State;
        var agent = await references.CheckAssigneeAgentAsync(command.AgentId, issue.CompanyId);
        if (!agent.IsSuccess)
        {
            return agent.As<Issue>();
        }
        var runId = command.RunId;
        if (issue.Status == IssueStatuses.InProgress && issue.AssigneeAgentId == command.AgentId
            && issue.CheckoutRunId == runId && (runId is not null || issue.ExecutionRunId is null))
        {
            // Same agent, same run: idempotent, without side effects but the log row (as the reference).
            await journal.AppendAsync(null, [CheckedOut(actor, issue, command.AgentId, time.UtcNow())]);
            return Reply<Issue>.Ok(issue);
        }
        if (issue.AssigneeAgentId is { } owner && owner != command.AgentId)
        {
            return CheckoutConflict(issue, ConflictReasons.HeldByOtherAgent, (await HolderAsync(issue)).Status);
        }
        foreach (var holder in new[] { issue.CheckoutRunId, issue.ExecutionRunId }.OfType<Guid>().Distinct().Where(id => id != runId))
        {
            var run = await GrainFactory.GetGrain<IHeartbeatRunGrain>(holder).GetAsync();
            if (run is not null && RunStatuses.IsActive(run.Status))
            {
                return CheckoutConflict(issue, ConflictReasons.HeldByLiveRun, run.Status);
            }
        }
        // The assignee's new run takes over its own in-progress issue whatever the expected statuses
        // (a crashed run's lock is stale by now); anything else must be in an expected status.
        var adopting = issue.Status == IssueStatuses.InProgress && issue.AssigneeAgentId == command.AgentId && runId is not null;
        if (!adopting && !command.ExpectedStatuses.Contains(issue.Status))
        {
            return CheckoutConflict(issue, ConflictReasons.StatusNotExpected, (await HolderAsync(issue)).Status);
        }

        var now = time.UtcNow();
        var claimed = Lock(issue, runId, agent.Value!, now) with
        {
            Status = IssueStatuses.InProgress,
            AssigneeAgentId = command.AgentId,
            AssigneeUserId = null,
            StartedAt = adopting ? issue.StartedAt ?? now : now,
            CompletedAt = null,
            CancelledAt = null,
            UpdatedAt = now,
        };
        await CommitAsync(claimed, null, [CheckedOut(actor, claimed, command.AgentId, now)]);
        PaperclipMetrics.CheckoutWon();
        await wakeups.ForCheckoutAsync(state.State, actor);
        return Reply<Issue>.Ok(state.State);
    }

    public async Task<Reply<Issue>> ReleaseAsync(Actor actor)
    {
        if (!state.RecordExists)
        {
            return NotFound;
        }
        var before = state.State;
        var issue = before;
        if (actor.IsAgent)
        {
            if (actor.RunId is null)
            {
                return Reply<Issue>.Fail(ReplyStatus.Unauthorized, "Agent run id required");
            }
            var gated = await PassRunGateAsync(issue, actor);
            if (!gated.IsSuccess)
            {
                return gated;
            }
            issue = gated.Value!;
            if (issue.AssigneeAgentId is { } assignee && assignee != actor.AgentId)
            {
                return Reply<Issue>.Fail(ReplyStatus.Conflict, "Only assignee can release issue");
            }
        }
        var now = time.UtcNow();
        var released = IssueLifecycle.ReleaseLocks(issue) with
        {
            AssigneeAgentId = null,
            Status = issue.Status == IssueStatuses.InProgress ? IssueStatuses.Todo : issue.Status,
            UpdatedAt = now,
        };
        await CommitAsync(released, null, [.. AdoptionEntries(before, issue, actor, now), Activities.OfIssue(actor, released, IssueActivity.Released, null, now)]);
        return Reply<Issue>.Ok(state.State);
    }

    public async Task<Reply<ForceReleaseResult>> ForceReleaseAsync(bool clearAssignee, Actor actor)
    {
        if (!actor.IsBoard)
        {
            return Reply<ForceReleaseResult>.Fail(ReplyStatus.Forbidden, "Board authentication required");
        }
        if (!state.RecordExists)
        {
            return NotFound.As<ForceReleaseResult>();
        }
        var issue = state.State;
        var now = time.UtcNow();
        var released = IssueLifecycle.ReleaseLocks(issue) with { UpdatedAt = now };
        if (clearAssignee)
        {
            released = released with
            {
                AssigneeAgentId = null,
                Status = issue.Status == IssueStatuses.InProgress ? IssueStatuses.Todo : issue.Status,
            };
        }
        await CommitAsync(released, null, [Activities.OfIssue(actor, released, IssueActivity.ForceReleased, new Dictionary<string, object?>
        {
            ["clearAssignee"] = clearAssignee,
            ["previousCheckoutRunId"] = issue.CheckoutRunId,
            ["previousExecutionRunId"] = issue.ExecutionRunId,
        }, now)]);
        return Reply<ForceReleaseResult>.Ok(new ForceReleaseResult(state.State, issue.CheckoutRunId, issue.ExecutionRunId));
    }

    /// <summary>
    /// The run-ownership gate of reference §3.5 for an agent acting on its own in-progress issue:
    /// it must name a run (401), and that run must hold the checkout — or take it over when the
    /// holder is no longer live (or there is none). Returns the issue as it should be written.
    /// </summary>
    private async Task<Reply<Issue>> PassRunGateAsync(Issue issue, Actor actor)
    {
        if (!actor.IsAgent || issue.Status != IssueStatuses.InProgress || issue.AssigneeAgentId != actor.AgentId)
        {
            return Reply<Issue>.Ok(issue);
        }
        if (actor.RunId is null)
        {
            return Reply<Issue>.Fail(ReplyStatus.Unauthorized, "Agent run id required");
        }
        var runId = actor.RunGuid;
        if (runId is not null && issue.CheckoutRunId == runId)
        {
            return Reply<Issue>.Ok(issue);
        }
        var holder = await HolderAsync(issue);
        if (runId is null || holder.Live)
        {
            return Reply<Issue>.Fail(ReplyStatus.Conflict, "Issue run ownership conflict", JsonSerializer.Serialize(new
            {
                issueId = issue.Id,
                status = issue.Status,
                assigneeAgentId = issue.AssigneeAgentId,
                checkoutRunId = issue.CheckoutRunId,
                actorAgentId = actor.AgentId,
                actorRunId = actor.RunId,
            }));
        }
        var agent = await GrainFactory.GetGrain<IAgentGrain>(actor.AgentId!.Value).GetAsync();
        return Reply<Issue>.Ok(Lock(issue, runId, agent!, time.UtcNow()));
    }

    /// <summary>
    /// <c>issue.checkout_lock_adopted</c> when the run gate took a stale checkout over
    /// (<paramref name="gated"/> holds another checkout run than <paramref name="before"/>).
    /// </summary>
    private static IEnumerable<ActivityEntry> AdoptionEntries(Issue before, Issue gated, Actor actor, DateTime now) =>
        gated.CheckoutRunId == before.CheckoutRunId
            ? []
            : [Activities.OfIssue(actor, gated, IssueActivity.LockAdopted, new Dictionary<string, object?>
            {
                ["previousCheckoutRunId"] = before.CheckoutRunId,
                ["checkoutRunId"] = gated.CheckoutRunId,
                ["reason"] = "stale_checkout_run",
            }, now)];

    private static ActivityEntry CheckedOut(Actor actor, Issue issue, Guid agentId, DateTime now) =>
        Activities.OfIssue(actor, issue, IssueActivity.CheckedOut, new Dictionary<string, object?> { ["agentId"] = agentId }, now);

    /// <summary>Both locks on <paramref name="runId"/> (none for a board checkout, which has no run).</summary>
    private static Issue Lock(Issue issue, Guid? runId, Agent agent, DateTime now) => issue with
    {
        CheckoutRunId = runId,
        ExecutionRunId = runId,
        ExecutionAgentNameKey = runId is null ? null : agent.Name.ToLowerInvariant(),
        ExecutionLockedAt = runId is null ? null : now,
    };

    /// <summary>The run holding the issue (checkout first, else execution): whether it is live, and its status.</summary>
    private async Task<(bool Live, string? Status)> HolderAsync(Issue issue)
    {
        if ((issue.CheckoutRunId ?? issue.ExecutionRunId) is not { } holder)
        {
            return (false, null);
        }
        var run = await GrainFactory.GetGrain<IHeartbeatRunGrain>(holder).GetAsync();
        return (run is not null && RunStatuses.IsActive(run.Status), run?.Status);
    }

    private static Reply<Issue> CheckoutConflict(Issue issue, string reason, string? holderRunStatus)
    {
        PaperclipMetrics.CheckoutLost(reason);
        return Reply<Issue>.Fail(ReplyStatus.Conflict, "Issue checkout conflict", JsonSerializer.Serialize(new
        {
            issueId = issue.Id,
            status = issue.Status,
            assigneeAgentId = issue.AssigneeAgentId,
            checkoutRunId = issue.CheckoutRunId,
            executionRunId = issue.ExecutionRunId,
            conflictReason = reason,
            holderRunStatus,
        }));
    }
}
