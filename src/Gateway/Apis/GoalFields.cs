using Paperclip.Gateway.Http;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>The writable fields of a goal, read once for create and PATCH alike.</summary>
public sealed record GoalFields(
    Change<string?>? Title, Change<string?>? Description, Change<string?>? Level, Change<string?>? Status,
    Change<Guid?>? ParentId, Change<Guid?>? OwnerAgentId)
{
    public static GoalFields Read(BodyReader body, bool creating) => new(
        body.String("title", InputLimits.Title, required: creating, minLength: 1, trim: true),
        body.String("description", InputLimits.LongText, nullable: true),
        body.Enum("level", Enumerations.GoalLevels),
        body.Enum("status", Enumerations.GoalStatuses),
        body.Uuid("parentId", nullable: true),
        body.Uuid("ownerAgentId", nullable: true));

    /// <summary>A parent goal must be another goal of the same company (422 otherwise).</summary>
    public async Task<IResult?> CheckParentAsync(IGrainFactory grains, Guid companyId, Guid? self)
    {
        if (ParentId?.Value is not { } parentId)
        {
            return null;
        }
        var parent = await grains.GetGrain<IGoalGrain>(parentId).GetAsync();
        return parent is null || parent.CompanyId != companyId || parentId == self
            ? ApiErrors.Error(StatusCodes.Status422UnprocessableEntity, "Parent goal not found")
            : null;
    }

    public Goal ApplyTo(Goal goal, DateTime now) => goal with
    {
        Title = Title?.Value ?? goal.Title,
        Description = Description is null ? goal.Description : Description.Value,
        Level = Level?.Value ?? goal.Level,
        Status = Status?.Value ?? goal.Status,
        ParentId = ParentId is null ? goal.ParentId : ParentId.Value,
        OwnerAgentId = OwnerAgentId is null ? goal.OwnerAgentId : OwnerAgentId.Value,
        UpdatedAt = now,
    };
}
