using System.Text.RegularExpressions;
using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>Labels (reference §4.11): names unique per company, colours <c>#RRGGBB</c>.</summary>
public static partial class LabelsApi
{
    public const int MaxNameLength = 48;
    public const string ColorFormat = "^#[0-9a-fA-F]{6}$";

    public static IEndpointRouteBuilder MapLabelsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/companies/{companyId}/labels", CreateAsync);
        routes.MapGet("/api/companies/{companyId}/labels", ListAsync);
        routes.MapDelete("/api/labels/{labelId}", DeleteAsync);
        return routes;
    }

    private static async Task<IResult> CreateAsync(string companyId, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var company = RouteIds.Parse(companyId, "Company not found");
        context.GetActor().RequireCompanyAccess(company);
        var body = await BodyReader.ReadAsync(context.Request);
        var name = body.String("name", MaxNameLength, required: true, minLength: 1, trim: true);
        var color = body.String("color", InputLimits.ShortText, required: true);
        if (color?.Value is { } value && !ColorPattern().IsMatch(value))
        {
            body.AddIssue(new ValidationIssue("invalid_string", ["color"], "Color must be a 6-digit hex value"));
        }
        body.ThrowIfInvalid();
        await Companies.RequireAsync(grains, company);

        var now = time.UtcNow();
        var id = Guid.NewGuid();
        var reply = await grains.GetGrain<ILabelGrain>(id).CreateAsync(new Label
        {
            Id = id,
            CompanyId = company,
            Name = name!.Value!,
            Color = color!.Value!,
            CreatedAt = now,
            UpdatedAt = now,
        });
        return reply.IsSuccess ? TypedResults.Created($"/api/labels/{id}", reply.Value) : ApiErrors.FromReply(reply);
    }

    private static async Task<IResult> ListAsync(string companyId, HttpContext context, IGrainFactory grains)
    {
        var company = RouteIds.Parse(companyId, "Company not found");
        context.GetActor().RequireCompanyAccess(company);
        return TypedResults.Ok(await grains.GetGrain<IQueryGrain>(0).ListLabelsAsync(company, context.RequestAborted));
    }

    private static async Task<IResult> DeleteAsync(string labelId, HttpContext context, IGrainFactory grains)
    {
        var id = RouteIds.Parse(labelId, "Label not found");
        var grain = grains.GetGrain<ILabelGrain>(id);
        var label = await grain.GetAsync();
        if (label is null || !context.GetActor().CanSee(label.CompanyId))
        {
            return ApiErrors.NotFound("Label not found");
        }
        return await grain.DeleteAsync() is { } deleted ? TypedResults.Ok(deleted) : ApiErrors.NotFound("Label not found");
    }

    [GeneratedRegex(ColorFormat)]
    private static partial Regex ColorPattern();
}
