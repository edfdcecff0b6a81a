using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>A goal as embedded in a project (<c>{id, title}</c>).</summary>
public sealed record ProjectGoalRef(Guid Id, string Title);

/// <summary>
/// A project as the API shows it (reference §2.11). Workspaces are not modelled yet, so
/// <c>workspaces</c> is empty and <c>codebase</c>/<c>primaryWorkspace</c> are null.
/// </summary>
public sealed record ProjectResponse(
    Guid Id, Guid CompanyId, Guid? GoalId, string Name, string UrlKey, string? Description, string Status,
    Guid? LeadAgentId, string? TargetDate, string? Color, string? PauseReason, DateTime? PausedAt,
    object? ExecutionWorkspacePolicy, DateTime? ArchivedAt, IReadOnlyList<Guid> GoalIds, IReadOnlyList<ProjectGoalRef> Goals,
    object? Codebase, IReadOnlyList<object> Workspaces, object? PrimaryWorkspace, DateTime CreatedAt, DateTime UpdatedAt);

public static class ProjectResponses
{
    public static ProjectResponse ToResponse(this Project project, IReadOnlyList<Goal> goals) => new(
        project.Id, project.CompanyId, project.GoalId, project.Name, UrlKeys.From(project.Name, project.Id),
        project.Description, project.Status, project.LeadAgentId, project.TargetDate, project.Color, project.PauseReason,
        project.PausedAt, null, project.ArchivedAt, project.GoalIds,
        [.. project.GoalIds.Select(id => goals.FirstOrDefault(g => g.Id == id)).OfType<Goal>().Select(g => new ProjectGoalRef(g.Id, g.Title))],
        null, [], null, project.CreatedAt, project.UpdatedAt);
}
