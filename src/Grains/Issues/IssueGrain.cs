using Orleans.Runtime;
using Paperclip.Grains.Documents;
using Paperclip.Grains.Journal;
using Paperclip.Grains.Storage;
using Paperclip.Grains.Wakeups;

namespace Paperclip.Grains.Issues;

/// <summary>
/// One issue and its lock. Not reentrant: each command runs its checks and its write in one turn,
/// so concurrent requests on the same issue are applied one after another. The reply is sent only
/// after <c>WriteStateAsync</c> has committed, and after the activity rows that log the change.
/// Comments and activity live in append-only tables (<see cref="JournalWriter"/>), never in the
/// state, so the state's size does not grow with the issue's history.
/// </summary>
[GrainType("issue")]
public sealed partial class IssueGrain(
    [PersistentState(StorageNames.Issue, StorageNames.GrainStorage)] IPersistentState<Issue> state,
    IssueReferences references,
    WakeupTriggers wakeups,
    JournalWriter journal,
    DocumentRevisionStore revisions,
    TimeProvider time)
    : Grain, IIssueGrain
{
    private static readonly Reply<Issue> NotFound = Reply<Issue>.Fail(ReplyStatus.NotFound, "Issue not found");
    private static readonly Reply<Issue> HasChildren = Reply<Issue>.Fail(ReplyStatus.Conflict, "Issue has child issues");

    public async Task<Reply<Issue>> CreateAsync(NewIssue command, Actor actor)
    {
        if (state.RecordExists)
        {
            return Reply<Issue>.Fail(ReplyStatus.Conflict, "Issue already exists");
        }
        var companyId = command.CompanyId;
        var hasAssignee = command.AssigneeAgentId is not null || command.AssigneeUserId is not null;
        var status = command.Status ?? (hasAssignee ? IssueStatuses.Todo : IssueStatuses.Backlog);

        if (await CheckAssigneesAsync(actor, companyId, command.AssigneeAgentId, command.AssigneeUserId,
                agentToValidate: command.AssigneeAgentId, status, permissionNeeded: hasAssignee) is { } assigneeFailure)
        {
            return assigneeFailure;
        }
        if (await CheckPlacementAsync(companyId, command.ProjectId, command.ProjectWorkspaceId, command.GoalId, command.ParentId) is { } placementFailure)
        {
            return placementFailure;
        }
        IReadOnlyList<Guid> labelIds = [];
        if (command.LabelIds is { Count: > 0 })
        {
            var labels = await references.CheckLabelsAsync(command.LabelIds, companyId);
            if (!labels.IsSuccess)
            {
                return labels.As<Issue>();
            }
            labelIds = labels.Value!;
        }
        var goalId = command.ProjectId is null && command.GoalId is null
            ? await references.FindDefaultGoalIdAsync(companyId)
            : command.GoalId;

        // Allocated last, so a refused create does not consume a number.
        var number = await GrainFactory.GetGrain<ICompanyGrain>(companyId).AllocateIssueNumberAsync();
        if (number is null)
        {
            return Reply<Issue>.Fail(ReplyStatus.NotFound, "Company not found");
        }

        var now = time.UtcNow();
        var issue = new Issue
        {
            Id = this.GetPrimaryKey(),
            CompanyId = companyId,
            ProjectId = command.ProjectId,
            ProjectWorkspaceId = command.ProjectWorkspaceId,
            GoalId = goalId,
            ParentId = command.ParentId,
            Title = command.Title,
            Description = command.Description,
            Priority = command.Priority ?? IssuePriorities.Medium,
            AssigneeAgentId = command.AssigneeAgentId,
            AssigneeUserId = command.AssigneeUserId,
            CreatedByAgentId = actor.IsAgent ? actor.AgentId : null,
            CreatedByUserId = actor.IsBoard ? actor.UserId : null,
            IssueNumber = number.Number,
            Identifier = number.Identifier,
            RequestDepth = command.RequestDepth,
            BillingCode = command.BillingCode,
            AssigneeAdapterOverridesJson = command.AssigneeAdapterOverridesJson,
            LabelIds = labelIds,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (await CommitPlacementAsync(IssueLifecycle.WriteStatus(issue, status, now), null,
                [Activities.OfIssue(actor, issue, IssueActivity.Created, new Dictionary<string, object?> { ["title"] = issue.Title, ["identifier"] = issue.Identifier }, now)]) is { } refused)
        {
            return refused;
        }
        await wakeups.ForCreateAsync(state.State, actor);
        // A new issue is next touched when someone picks it up, usually well after its creator
        // got the reply; until then it lives in PostgreSQL like any idle issue. Kept active for
        // the idle collection age, a burst of creates held every new issue in memory (about
        // 3 KB each: 50,000 issues were most of the silo's heap).
        DeactivateOnIdle();
        return Reply<Issue>.Created(state.State);
    }

    public Task<Issue?> GetAsync() => Task.FromResult(state.RecordExists ? state.State : null);

    public async Task<Reply<IssueUpdate>> UpdateAsync(IssueChanges changes, Actor actor)
    {
        if (!state.RecordExists)
        {
            return NotFound.As<IssueUpdate>();
        }
        var before = state.State;
        var gated = await PassRunGateAsync(before, actor);
        if (!gated.IsSuccess)
        {
            return gated.As<IssueUpdate>();
        }
        var current = gated.Value!;
        // Reopen (reference §4.5 step 4): a comment with reopen on a closed issue, when the body names no status.
        var reopenedFrom = changes.Comment is not null && changes.Reopen && changes.Status is null && IssueStatuses.IsClosed(current.Status)
            ? current.Status
            : null;
        var writtenStatus = changes.Status?.Value ?? (reopenedFrom is null ? null : IssueStatuses.Todo);
        var assigneeAgentId = changes.AssigneeAgentId is { } agentChange ? agentChange.Value : current.AssigneeAgentId;
        var assigneeUserId = changes.AssigneeUserId is { } userChange ? userChange.Value : current.AssigneeUserId;
        var assigneeChanged = assigneeAgentId != current.AssigneeAgentId || assigneeUserId != current.AssigneeUserId;
        var status = writtenStatus ?? current.Status;

        if (await CheckAssigneesAsync(actor, current.CompanyId, assigneeAgentId, assigneeUserId,
                agentToValidate: assigneeAgentId != current.AssigneeAgentId ? assigneeAgentId : null, status,
                permissionNeeded: assigneeChanged && !IsHandBackToCreator(current, actor, assigneeAgentId, assigneeUserId)) is { } assigneeFailure)
        {
            return assigneeFailure.As<IssueUpdate>();
        }
        var projectId = changes.ProjectId is { } projectChange ? projectChange.Value : current.ProjectId;
        var requestedGoalId = changes.GoalId is { } goalChange ? goalChange.Value : current.GoalId;
        if (await CheckPlacementAsync(current.CompanyId,
                changes.ProjectId?.Value, changes.ProjectWorkspaceId?.Value, changes.GoalId?.Value, changes.ParentId?.Value) is { } placementFailure)
        {
            return placementFailure.As<IssueUpdate>();
        }
        var labelIds = current.LabelIds;
        if (changes.LabelIds is { } labelChange)
        {
            var labels = await references.CheckLabelsAsync(labelChange.Value, current.CompanyId);
            if (!labels.IsSuccess)
            {
                return labels.As<IssueUpdate>();
            }
            labelIds = labels.Value!;
        }

        var now = time.UtcNow();
        var next = current with
        {
            Title = changes.Title?.Value ?? current.Title,
            Description = changes.Description is { } description ? description.Value : current.Description,
            Priority = changes.Priority?.Value ?? current.Priority,
            AssigneeAgentId = assigneeAgentId,
            AssigneeUserId = assigneeUserId,
            ProjectId = projectId,
            ProjectWorkspaceId = changes.ProjectWorkspaceId is { } workspace ? workspace.Value : current.ProjectWorkspaceId,
            // The goal is recomputed on every PATCH: with neither project nor goal, the company default.
            GoalId = projectId is null && requestedGoalId is null
                ? await references.FindDefaultGoalIdAsync(current.CompanyId)
                : requestedGoalId,
            ParentId = changes.ParentId is { } parent ? parent.Value : current.ParentId,
            RequestDepth = changes.RequestDepth?.Value ?? current.RequestDepth,
            BillingCode = changes.BillingCode is { } billing ? billing.Value : current.BillingCode,
            AssigneeAdapterOverridesJson = changes.AssigneeAdapterOverridesJson is { } overrides ? overrides.Value : current.AssigneeAdapterOverridesJson,
            LabelIds = labelIds,
            HiddenAt = changes.HiddenAt is { } hidden ? hidden.Value : current.HiddenAt,
            UpdatedAt = now,
        };
        if (writtenStatus is not null)
        {
            next = IssueLifecycle.WriteStatus(next, writtenStatus, now);
        }
        if (assigneeChanged)
        {
            next = IssueLifecycle.ReleaseLocks(next);
        }

        var updated = IssueActivity.UpdateDetails(changes, current, next, reopenedFrom);
        var entries = new List<ActivityEntry>(AdoptionEntries(before, current, actor, now))
        {
            Activities.OfIssue(actor, next, IssueActivity.Updated, updated, now),
        };
        var comment = changes.Comment is { } body ? NewCommentRecord(next, body, actor, now) : null;
        if (comment is not null)
        {
            var details = IssueActivity.CommentDetails(comment, next, reopenedFrom);
            if (updated.ContainsKey("_previous"))
            {
                details["updated"] = true;
            }
            entries.Add(Activities.OfIssue(actor, next, IssueActivity.CommentAdded, details, now));
        }
        if (await CommitPlacementAsync(next, comment, entries) is { } refused)
        {
            return refused.As<IssueUpdate>();
        }
        await wakeups.ForUpdateAsync(current, state.State, changes, actor,
            comment is null ? null : (comment.Id, comment.Body, reopenedFrom is not null));
        return Reply<IssueUpdate>.Ok(new IssueUpdate(state.State, comment));
    }

    public async Task<Reply<Issue>> DeleteAsync(Actor actor)
    {
        if (!state.RecordExists)
        {
            return NotFound;
        }
        if (await GrainFactory.GetGrain<IQueryGrain>(0).HasChildIssuesAsync(state.State.Id))
        {
            return HasChildren;
        }
        var deleted = state.State;
        // A child attached since the look-up above makes the database refuse the clear.
        if (await state.TryClearStateAsync(StateRules.IssueDeleteChildless) is not null)
        {
            return HasChildren;
        }
        // The issue is gone once its state is; its comments, documents and attachments go with it
        // (CONTRACT §3) right after, before the reply. A crash in between leaves content no route
        // can reach any more. An upload that commits in between waited for the cleared state (it
        // locks the issue's row) and was refused, or committed first and is deleted here.
        await journal.DeleteIssueContentAsync(deleted.Id, Activities.OfIssue(actor, deleted, IssueActivity.Deleted, null, time.UtcNow()));
        return Reply<Issue>.Ok(deleted);
    }

    /// <summary>
    /// Makes <paramref name="next"/> the issue's state and logs <paramref name="entries"/>, before
    /// any reply. A comment is content the reply acknowledges: it is committed with its log rows
    /// first, then the state (a crash in between leaves a comment on an issue not yet bumped, never
    /// a bumped issue missing its comment). Without a comment, the state goes first and the log
    /// follows, so the log never records a change that was not made.
    /// </summary>
    private async Task CommitAsync(Issue next, IssueComment? comment, IReadOnlyList<ActivityEntry> entries)
    {
        if (comment is not null)
        {
            await journal.AppendAsync(comment, entries);
        }
        state.State = next;
        await state.WriteStateAsync();
        if (comment is null)
        {
            await journal.AppendAsync(null, entries);
        }
    }

    /// <summary>
    /// <see cref="CommitAsync"/> for a create or PATCH, which may give the issue a new parent. The
    /// database checks a new parent again in the state write itself and refuses it if, since our
    /// own check, the parent was deleted or became a descendant of the issue (<see cref="StateRules"/>).
    /// So such a write goes first, and the comment and log only after it: a refused PATCH leaves
    /// no comment behind. The price is the other crash window: a PATCH stored whose comment was
    /// not, never acknowledged, for the client to send again.
    /// </summary>
    private async Task<Reply<Issue>?> CommitPlacementAsync(Issue next, IssueComment? comment, IReadOnlyList<ActivityEntry> entries)
    {
        if (next.ParentId is null || next.ParentId == state.State.ParentId)
        {
            await CommitAsync(next, comment, entries);
            return null;
        }
        if (await state.TryWriteStateAsync(next, StateRules.IssueParentExists, StateRules.IssueParentAcyclic) is { } broken)
        {
            return broken == StateRules.IssueParentExists ? IssueReferences.ParentNotFound : IssueReferences.ParentCycle;
        }
        await journal.AppendAsync(comment, entries);
        return null;
    }

    /// <summary>
    /// The assignee rules of reference §4.2/§4.5, in the reference's order: permission, one
    /// assignee only, <c>in_progress</c> needing an assignee, and a newly named agent's validity.
    /// </summary>
    private async Task<Reply<Issue>?> CheckAssigneesAsync(
        Actor actor, Guid companyId, Guid? agentId, string? userId, Guid? agentToValidate, string status,
        bool permissionNeeded)
    {
        if (permissionNeeded)
        {
            var permission = await references.CheckCanAssignAsync(actor);
            if (!permission.IsSuccess)
            {
                return permission.As<Issue>();
            }
        }
        if (agentId is not null && userId is not null)
        {
            return Reply<Issue>.Fail(ReplyStatus.Unprocessable, "Issue can only have one assignee");
        }
        if (status == IssueStatuses.InProgress && agentId is null && userId is null)
        {
            return Reply<Issue>.Fail(ReplyStatus.Unprocessable, "in_progress issues require an assignee");
        }
        if (agentToValidate is { } id)
        {
            var agent = await references.CheckAssigneeAgentAsync(id, companyId);
            if (!agent.IsSuccess)
            {
                return agent.As<Issue>();
            }
        }
        return null;
    }

    /// <summary>Project, workspace, goal and parent, where given, must be the company's (and the parent no cycle).</summary>
    private async Task<Reply<Issue>?> CheckPlacementAsync(Guid companyId, Guid? projectId, Guid? workspaceId, Guid? goalId, Guid? parentId)
    {
        if (projectId is { } project && await references.CheckProjectAsync(project, companyId) is { IsSuccess: false } badProject)
        {
            return badProject.As<Issue>();
        }
        if (workspaceId is not null)
        {
            return IssueReferences.UnknownProjectWorkspace;
        }
        if (goalId is { } goal && await references.CheckGoalAsync(goal, companyId) is { IsSuccess: false } badGoal)
        {
            return badGoal.As<Issue>();
        }
        if (parentId is { } parent && await references.CheckParentAsync(parent, this.GetPrimaryKey(), companyId) is { IsSuccess: false } badParent)
        {
            return badParent.As<Issue>();
        }
        return null;
    }

    /// <summary>The assignee agent handing the issue back to the user who created it needs no assign permission (§3.4).</summary>
    private static bool IsHandBackToCreator(Issue issue, Actor actor, Guid? agentId, string? userId) =>
        actor.IsAgent && actor.AgentId == issue.AssigneeAgentId && agentId is null
        && userId is not null && userId == issue.CreatedByUserId;
}
