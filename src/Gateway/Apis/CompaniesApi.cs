using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>Companies (CONTRACT §8): the board creates and edits them; agents see only their own.</summary>
public static class CompaniesApi
{
    public static IEndpointRouteBuilder MapCompaniesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/companies");
        group.MapPost("", CreateAsync);
        group.MapGet("", ListAsync);
        group.MapGet("/{companyId}", GetAsync);
        group.MapPatch("/{companyId}", UpdateAsync);
        return routes;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        context.GetActor().RequireBoard();
        var body = await BodyReader.ReadAsync(context.Request);
        var name = body.String("name", InputLimits.Name, required: true, minLength: 1, trim: true);
        var description = body.String("description", InputLimits.LongText, nullable: true);
        var budget = body.Integer("budgetMonthlyCents", minimum: 0);
        var approval = body.Boolean("requireBoardApprovalForNewAgents");
        var brandColor = body.String("brandColor", InputLimits.ShortText, nullable: true);
        body.ThrowIfInvalid();

        var now = time.UtcNow();
        var id = Guid.NewGuid();
        var reply = await grains.GetGrain<ICompanyGrain>(id).CreateAsync(new Company
        {
            Id = id,
            Name = name!.Value!,
            Description = description?.Value,
            BudgetMonthlyCents = budget?.Value ?? 0,
            RequireBoardApprovalForNewAgents = approval?.Value ?? false,
            BrandColor = brandColor?.Value,
            CreatedAt = now,
            UpdatedAt = now,
        });
        return reply.IsSuccess ? TypedResults.Created($"/api/companies/{id}", reply.Value) : ApiErrors.FromReply(reply);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains)
    {
        var actor = context.GetActor();
        var companies = await grains.GetGrain<IQueryGrain>(0).ListCompaniesAsync(context.RequestAborted);
        return TypedResults.Ok(companies.Where(company => actor.CanSee(company.Id)));
    }

    private static async Task<IResult> GetAsync(string companyId, HttpContext context, IGrainFactory grains)
    {
        var id = RouteIds.Parse(companyId, "Company not found");
        context.GetActor().RequireCompanyAccess(id);
        var company = await grains.GetGrain<ICompanyGrain>(id).GetAsync();
        return company is null ? ApiErrors.NotFound("Company not found") : TypedResults.Ok(company);
    }

    private static async Task<IResult> UpdateAsync(string companyId, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var id = RouteIds.Parse(companyId, "Company not found");
        var actor = context.GetActor();
        actor.RequireCompanyAccess(id);
        actor.RequireBoard();
        var body = await BodyReader.ReadAsync(context.Request);
        var name = body.String("name", InputLimits.Name, minLength: 1, trim: true);
        var description = body.String("description", InputLimits.LongText, nullable: true);
        var status = body.Enum("status", Enumerations.CompanyStatuses);
        var pauseReason = body.String("pauseReason", InputLimits.Note, nullable: true);
        var budget = body.Integer("budgetMonthlyCents", minimum: 0);
        var approval = body.Boolean("requireBoardApprovalForNewAgents");
        var brandColor = body.String("brandColor", InputLimits.ShortText, nullable: true);
        body.ThrowIfInvalid();

        var now = time.UtcNow();
        var reply = await RecordUpdates.ApplyAsync(grains.GetGrain<ICompanyGrain>(id), "Company not found", company => company with
        {
            Name = name?.Value ?? company.Name,
            Description = description is null ? company.Description : description.Value,
            Status = status?.Value ?? company.Status,
            PausedAt = status is null ? company.PausedAt : status.Value == "paused" ? company.PausedAt ?? now : null,
            PauseReason = pauseReason is null ? company.PauseReason : pauseReason.Value,
            BudgetMonthlyCents = budget?.Value ?? company.BudgetMonthlyCents,
            RequireBoardApprovalForNewAgents = approval?.Value ?? company.RequireBoardApprovalForNewAgents,
            BrandColor = brandColor is null ? company.BrandColor : brandColor.Value,
            UpdatedAt = now,
        });
        return reply.IsSuccess ? TypedResults.Ok(reply.Value) : ApiErrors.FromReply(reply);
    }
}
