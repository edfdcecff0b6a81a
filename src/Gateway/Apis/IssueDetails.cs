using Paperclip.Gateway.Responses;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>Assembles <c>GET /api/issues/{id}</c> (reference §4.3): ancestors, project, resolved goal, documents.</summary>
public static class IssueDetails
{
    private const int MaxAncestors = 50;

    public static async Task<IssueDetail> BuildAsync(Issue issue, IssueResponse response, IGrainFactory grains)
    {
        var ancestors = await AncestorsAsync(issue, grains);

        var projectIds = ancestors.Select(a => a.ProjectId).Append(issue.ProjectId).OfType<Guid>();
        var projects = (await grains.FindAllInCompanyAsync<IProjectGrain, Project>(projectIds, issue.CompanyId)).ToDictionary(p => p.Id);
        var goalId = await ResolveGoalIdAsync(issue, grains);
        // Ancestor goals include the goals their projects point at.
        var goalIds = ancestors.Select(a => a.GoalId ?? (a.ProjectId is { } p && projects.TryGetValue(p, out var project) ? project.GoalId : null))
            .Append(goalId).OfType<Guid>();
        var goals = (await grains.FindAllInCompanyAsync<IGoalGrain, Goal>(goalIds, issue.CompanyId)).ToDictionary(g => g.Id);

        // One query for the capped link list; it returns only the issue's company's projects.
        var mentioned = await grains.GetGrain<IQueryGrain>(0).GetProjectsAsync(issue.CompanyId, IssueText.MentionedProjectIds(issue.Title, issue.Description));
        var planDocument = await DocumentsApi.PlanAsync(issue, grains);
        var ownProject = issue.ProjectId is { } own && projects.TryGetValue(own, out var found) ? found : null;

        return new IssueDetail(response with { GoalId = goalId })
        {
            Ancestors = [.. ancestors.Select(a => ToAncestor(a, projects, goals))],
            Project = ownProject is null ? null : await ProjectsApi.ToResponseAsync(ownProject, grains),
            Goal = goalId is { } g && goals.TryGetValue(g, out var goal) ? goal : null,
            PlanDocument = planDocument,
            DocumentSummaries = [.. issue.Documents.Select(head => head.ToSummary(issue))],
            // The old-style plan block is only a fallback for issues without a plan document.
            LegacyPlanDocument = planDocument is null ? IssueText.LegacyPlan(issue.Description) : null,
            MentionedProjects = [.. await Task.WhenAll(mentioned.Select(p => ProjectsApi.ToResponseAsync(p, grains)))],
        };
    }

    /// <summary>
    /// The issue's parent, grandparent, … (nearest first). Only records of the issue's company are
    /// shown: a chain that crosses into another company (only rows stored before parents were
    /// checked can) ends there, and so for projects and goals.
    /// </summary>
    public static async Task<IReadOnlyList<Issue>> AncestorsAsync(Issue issue, IGrainFactory grains)
    {
        var chain = issue.ParentId is { } parentId ? await grains.GetGrain<IQueryGrain>(0).GetIssueChainAsync(parentId, MaxAncestors) : [];
        return [.. chain.TakeWhile(ancestor => ancestor.CompanyId == issue.CompanyId).Where(ancestor => ancestor.Id != issue.Id)];
    }

    /// <summary>The issue's goal, else (with no project) the company default goal, else none.</summary>
    public static async Task<Guid?> ResolveGoalIdAsync(Issue issue, IGrainFactory grains) =>
        issue.GoalId ?? (issue.ProjectId is null ? await grains.GetGrain<ICompanyGrain>(issue.CompanyId).GetDefaultGoalIdAsync() : null);

    private static IssueAncestor ToAncestor(Issue issue, Dictionary<Guid, Project> projects, Dictionary<Guid, Goal> goals)
    {
        var project = issue.ProjectId is { } p && projects.TryGetValue(p, out var found) ? found : null;
        var goalId = issue.GoalId ?? project?.GoalId;
        var goal = goalId is { } g && goals.TryGetValue(g, out var foundGoal) ? foundGoal : null;
        return new IssueAncestor(issue.Id, issue.Identifier, issue.Title, issue.Description, issue.Status, issue.Priority,
            issue.AssigneeAgentId, issue.ProjectId, issue.GoalId,
            project is null ? null : new AncestorProject(project.Id, project.Name, project.Description, project.Status, project.GoalId, [], null),
            goal is null ? null : new AncestorGoal(goal.Id, goal.Title, goal.Description, goal.Level, goal.Status));
    }
}
