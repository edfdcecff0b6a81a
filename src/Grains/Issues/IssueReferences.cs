using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Issues;

/// <summary>
/// Checks the records an issue points at (assignee, project, workspace, goal, parent, labels)
/// against the issue's company, with the reference's status codes and messages. Unknown and
/// foreign ids give the same answer, so a caller cannot probe another company's ids; the one
/// exception is the assignee agent, whose two answers the reference (and CONTRACT §3) fix.
/// </summary>
public sealed class IssueReferences(IGrainFactory grains)
{
    /// <summary>How far up the parent chain a cycle check (and the detail's ancestors) looks.</summary>
    public const int MaxAncestors = 50;

    private IQueryGrain Queries => grains.GetGrain<IQueryGrain>(0);

    /// <summary>
    /// Whether the actor may give work to someone (reference §3.4). The board may; an agent may
    /// when it is a CEO, may create agents, or has not had its default assign grant revoked.
    /// </summary>
    public async Task<Reply<bool>> CheckCanAssignAsync(Actor actor)
    {
        if (actor.IsBoard)
        {
            return Reply<bool>.Ok(true);
        }
        if (actor.AgentId is not { } agentId)
        {
            return Reply<bool>.Fail(ReplyStatus.Forbidden, "Agent authentication required");
        }
        var agent = await grains.GetGrain<IAgentGrain>(agentId).GetAsync();
        return agent is not null && AgentPermissions.CanAssignTasks(agent)
            ? Reply<bool>.Ok(true)
            : Reply<bool>.Fail(ReplyStatus.Forbidden, "Missing permission: tasks:assign");
    }

    /// <summary>An agent that may be given work in this company (reference §4.2 messages).</summary>
    public async Task<Reply<Agent>> CheckAssigneeAgentAsync(Guid agentId, Guid companyId)
    {
        var agent = await grains.GetGrain<IAgentGrain>(agentId).GetAsync();
        if (agent is null)
        {
            return Reply<Agent>.Fail(ReplyStatus.NotFound, "Assignee agent not found");
        }
        if (agent.CompanyId != companyId)
        {
            return Reply<Agent>.Fail(ReplyStatus.Unprocessable, "Assignee must belong to same company");
        }
        return agent.Status switch
        {
            "pending_approval" => Reply<Agent>.Fail(ReplyStatus.Conflict, "Cannot assign work to pending approval agents"),
            "terminated" => Reply<Agent>.Fail(ReplyStatus.Conflict, "Cannot assign work to terminated agents"),
            _ => Reply<Agent>.Ok(agent),
        };
    }

    public async Task<Reply<Project>> CheckProjectAsync(Guid projectId, Guid companyId) =>
        await grains.FindInCompanyAsync<IProjectGrain, Project>(projectId, companyId) is { } project
            ? Reply<Project>.Ok(project)
            : Reply<Project>.Fail(ReplyStatus.Unprocessable, "Project not found");

    /// <summary>
    /// The answer to every project workspace id: workspaces are not modelled, so no id names a
    /// workspace of this company, and one is refused as unknown rather than stored pointing at nothing.
    /// </summary>
    public static Reply<Issue> UnknownProjectWorkspace { get; } =
        Reply<Issue>.Fail(ReplyStatus.Unprocessable, "Project workspace not found");

    public async Task<Reply<Goal>> CheckGoalAsync(Guid goalId, Guid companyId) =>
        await grains.FindInCompanyAsync<IGoalGrain, Goal>(goalId, companyId) is { } goal
            ? Reply<Goal>.Ok(goal)
            : Reply<Goal>.Fail(ReplyStatus.Unprocessable, "Goal not found");

    public static Reply<Issue> ParentNotFound { get; } = Reply<Issue>.Fail(ReplyStatus.Unprocessable, "Parent issue not found");

    public static Reply<Issue> ParentCycle { get; } = Reply<Issue>.Fail(ReplyStatus.Unprocessable, "Issue cannot be its own ancestor");

    /// <summary>
    /// A parent in the same company that would not make <paramref name="childId"/> its own
    /// ancestor. Read from storage, so no issue grain waits on another. The answer can be stale by
    /// the time the issue is written; the write checks again (<see cref="StateRules"/>).
    /// </summary>
    public async Task<Reply<bool>> CheckParentAsync(Guid parentId, Guid childId, Guid companyId)
    {
        var chain = await Queries.GetIssueChainAsync(parentId, MaxAncestors);
        if (chain.Count == 0 || chain[0].CompanyId != companyId)
        {
            return ParentNotFound.As<bool>();
        }
        return chain.Any(issue => issue.Id == childId) ? ParentCycle.As<bool>() : Reply<bool>.Ok(true);
    }

    /// <summary>The distinct label ids, when every one is a label of this company.</summary>
    public async Task<Reply<IReadOnlyList<Guid>>> CheckLabelsAsync(IReadOnlyList<Guid> labelIds, Guid companyId)
    {
        var distinct = labelIds.Distinct().ToList();
        var labels = await Queries.GetLabelsAsync(distinct);
        return labels.Count == distinct.Count && labels.All(label => label.CompanyId == companyId)
            ? Reply<IReadOnlyList<Guid>>.Ok(distinct)
            : Reply<IReadOnlyList<Guid>>.Fail(ReplyStatus.Unprocessable, "One or more labels are invalid for this company");
    }

    public Task<Guid?> FindDefaultGoalIdAsync(Guid companyId) => grains.GetGrain<ICompanyGrain>(companyId).GetDefaultGoalIdAsync();
}
