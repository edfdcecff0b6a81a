using System.Globalization;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>The writable fields of a project, read once for create and PATCH alike.</summary>
public sealed record ProjectFields(
    Change<string?>? Name, Change<string?>? Description, Change<string?>? Status, Change<IReadOnlyList<Guid>>? GoalIds,
    Change<Guid?>? GoalId, Change<Guid?>? LeadAgentId, Change<string?>? TargetDate, Change<string?>? Color,
    Change<DateTime?>? PausedAt, Change<string?>? PauseReason)
{
    public static ProjectFields Read(BodyReader body, bool creating)
    {
        var targetDate = body.String("targetDate", InputLimits.ShortText, nullable: true);
        if (targetDate?.Value is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            body.AddIssue(new ValidationIssue("invalid_string", ["targetDate"], "Invalid date (expected YYYY-MM-DD)"));
        }
        return new(
            body.String("name", InputLimits.Name, required: creating, minLength: 1, trim: true),
            body.String("description", InputLimits.LongText, nullable: true),
            body.Enum("status", Enumerations.ProjectStatuses),
            body.UuidArray("goalIds"),
            body.Uuid("goalId", nullable: true),
            body.Uuid("leadAgentId", nullable: true),
            targetDate,
            body.String("color", InputLimits.ShortText, nullable: true),
            creating ? null : body.Timestamp("pausedAt", nullable: true),
            creating ? null : body.String("pauseReason", InputLimits.Note, nullable: true));
    }

    /// <summary>Sent goals and lead agent must be the company's (422 otherwise, the same for unknown ids).</summary>
    public async Task CheckReferencesAsync(IGrainFactory grains, Guid companyId)
    {
        await BodyReferences.RequireAsync<IGoalGrain, Goal>(grains, companyId, [.. GoalIds?.Value ?? [], GoalId?.Value], "Goal not found");
        await BodyReferences.RequireAsync<IAgentGrain, Agent>(grains, companyId, [LeadAgentId?.Value], "Lead agent not found");
    }

    /// <summary>The project with every sent field applied; <c>goalId</c> (legacy) and <c>goalIds</c> stay in step.</summary>
    public Project ApplyTo(Project project, DateTime now)
    {
        var goalIds = GoalIds?.Value ?? (GoalId is null ? project.GoalIds : GoalId.Value is { } single ? [single] : []);
        return project with
        {
            Name = Name?.Value ?? project.Name,
            Description = Description is null ? project.Description : Description.Value,
            Status = Status?.Value ?? project.Status,
            GoalIds = [.. goalIds.Distinct()],
            GoalId = GoalId is null ? goalIds.Count > 0 ? goalIds[0] : project.GoalId : GoalId.Value,
            LeadAgentId = LeadAgentId is null ? project.LeadAgentId : LeadAgentId.Value,
            TargetDate = TargetDate is null ? project.TargetDate : TargetDate.Value,
            Color = Color is null ? project.Color : Color.Value,
            PausedAt = PausedAt is null ? project.PausedAt : PausedAt.Value,
            PauseReason = PauseReason is null ? project.PauseReason : PauseReason.Value,
            UpdatedAt = now,
        };
    }
}
