using Paperclip.Gateway.Http;
using Paperclip.Grains;

namespace Paperclip.Gateway.Auth;

/// <summary>Where the resolved caller of a request is kept, and the access rules every route applies.</summary>
public static class ActorContext
{
    private const string ItemKey = "paperclip.actor";

    public static void SetActor(this HttpContext context, Actor actor) => context.Items[ItemKey] = actor;

    public static Actor GetActor(this HttpContext context) =>
        context.Items[ItemKey] as Actor ?? throw new InvalidOperationException("The actor was not resolved for this request.");

    /// <summary>
    /// Company-scoped routes (<c>/companies/{id}/…</c>): an agent of another company gets 403
    /// (the reference's message); nobody gets 401.
    /// </summary>
    public static void RequireCompanyAccess(this Actor actor, Guid companyId)
    {
        if (actor.Type == ActorType.None)
        {
            throw new ApiException(StatusCodes.Status401Unauthorized, "Unauthorized");
        }
        if (actor.IsAgent && actor.CompanyId != companyId)
        {
            throw new ApiException(StatusCodes.Status403Forbidden, "Agent key cannot access another company");
        }
    }

    /// <summary>
    /// Resource routes (<c>/issues/{id}</c>, …): a resource of another company is reported as
    /// missing, so ids cannot be probed.
    /// </summary>
    public static bool CanSee(this Actor actor, Guid companyId) =>
        actor.Type != ActorType.None && (!actor.IsAgent || actor.CompanyId == companyId);

    public static void RequireBoard(this Actor actor)
    {
        if (!actor.IsBoard)
        {
            throw new ApiException(StatusCodes.Status403Forbidden, "Board authentication required");
        }
    }
}
