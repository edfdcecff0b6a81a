using System.Text.Json;
using Paperclip.Gateway.Http;
using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>
/// The issue object of the API (reference §2.2–2.3): every column, then <c>labels</c> and
/// <c>labelIds</c>. Experimental workspace fields are always null (the reference drops them unless
/// an experimental setting is on).
/// </summary>
public record IssueResponse(
    Guid Id, Guid CompanyId, Guid? ProjectId, Guid? ProjectWorkspaceId, Guid? GoalId, Guid? ParentId,
    string Title, string? Description, string Status, string Priority, Guid? AssigneeAgentId, string? AssigneeUserId,
    Guid? CheckoutRunId, Guid? ExecutionRunId, string? ExecutionAgentNameKey, DateTime? ExecutionLockedAt,
    Guid? CreatedByAgentId, string? CreatedByUserId, int IssueNumber, string Identifier, string OriginKind,
    string? OriginId, string? OriginRunId, int RequestDepth, string? BillingCode, JsonElement? AssigneeAdapterOverrides,
    Guid? ExecutionWorkspaceId, string? ExecutionWorkspacePreference, JsonElement? ExecutionWorkspaceSettings,
    DateTime? StartedAt, DateTime? CompletedAt, DateTime? CancelledAt, DateTime? HiddenAt,
    DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<Label> Labels, IReadOnlyList<Guid> LabelIds)
{
    /// <summary>Lets the richer responses (list row, detail, update) extend an issue response.</summary>
    protected IssueResponse(IssueResponse other, bool extend) : this(other.Id, other.CompanyId, other.ProjectId, other.ProjectWorkspaceId,
        other.GoalId, other.ParentId, other.Title, other.Description, other.Status, other.Priority, other.AssigneeAgentId,
        other.AssigneeUserId, other.CheckoutRunId, other.ExecutionRunId, other.ExecutionAgentNameKey, other.ExecutionLockedAt,
        other.CreatedByAgentId, other.CreatedByUserId, other.IssueNumber, other.Identifier, other.OriginKind, other.OriginId,
        other.OriginRunId, other.RequestDepth, other.BillingCode, other.AssigneeAdapterOverrides, other.ExecutionWorkspaceId,
        other.ExecutionWorkspacePreference, other.ExecutionWorkspaceSettings, other.StartedAt, other.CompletedAt,
        other.CancelledAt, other.HiddenAt, other.CreatedAt, other.UpdatedAt, other.Labels, other.LabelIds)
    {
    }
}

/// <summary>A list row: the issue plus <c>activeRun</c> (its queued or running execution run, else null).</summary>
public sealed record IssueListRow : IssueResponse
{
    public IssueListRow(IssueResponse issue, object? activeRun) : base(issue, extend: true) => ActiveRun = activeRun;

    public object? ActiveRun { get; init; }
}

public static class IssueResponses
{
    /// <summary>
    /// The issue with its labels, picked from <paramref name="labels"/> (ordered by name, then id);
    /// only labels of the issue's company, whatever an older row points at.
    /// </summary>
    public static IssueResponse ToResponse(this Issue issue, IReadOnlyList<Label> labels) => new(
        issue.Id, issue.CompanyId, issue.ProjectId, issue.ProjectWorkspaceId, issue.GoalId, issue.ParentId,
        issue.Title, issue.Description, issue.Status, issue.Priority, issue.AssigneeAgentId, issue.AssigneeUserId,
        issue.CheckoutRunId, issue.ExecutionRunId, issue.ExecutionAgentNameKey, issue.ExecutionLockedAt,
        issue.CreatedByAgentId, issue.CreatedByUserId, issue.IssueNumber, issue.Identifier, issue.OriginKind,
        issue.OriginId, issue.OriginRunId, issue.RequestDepth, issue.BillingCode, ApiJson.Raw(issue.AssigneeAdapterOverridesJson),
        null, null, null, issue.StartedAt, issue.CompletedAt, issue.CancelledAt, issue.HiddenAt,
        issue.CreatedAt, issue.UpdatedAt,
        LabelsOf(issue.CompanyId, issue.LabelIds, labels),
        issue.LabelIds);

    /// <summary>Of <paramref name="labels"/> (ordered by name, then id), those of the issue: named by it and of its company.</summary>
    public static IReadOnlyList<Label> LabelsOf(Guid companyId, IReadOnlyList<Guid> labelIds, IReadOnlyList<Label> labels) =>
        labelIds.Count == 0 ? [] : [.. labels.Where(label => label.CompanyId == companyId && labelIds.Contains(label.Id))];
}
