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

    /// <summary>
    /// A sent parent must be another goal of the company and a sent owner an agent of it (422
    /// otherwise, the same for unknown ids).
    /// </summary>
    public async Task CheckReferencesAsync(IGrainFactory grains, Guid companyId, Guid? self)
    {
        const string parentNotFound = "Parent goal not found";
        if (self is not null && ParentId?.Value == self)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, parentNotFound);
        }
        await BodyReferences.RequireAsync<IGoalGrain, Goal>(grains, companyId, [ParentId?.Value], parentNotFound);
        await BodyReferences.RequireAsync<IAgentGrain, Agent>(grains, companyId, [OwnerAgentId?.Value], "Owner agent not found");
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
