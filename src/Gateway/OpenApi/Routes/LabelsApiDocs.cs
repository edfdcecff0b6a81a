using Microsoft.OpenApi;
using Paperclip.Gateway.Apis;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="Apis.LabelsApi"/>.</summary>
public static class LabelsApiDocs
{
    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("POST", "/api/companies/{companyId}/labels", ApiTags.Labels, "Create a label")
        {
            Body = JsonBody(LabelBody, required: true),
            Success = [Created<Label>("The new label.")],
            Errors = [OtherCompany, CompanyNotFound, Conflict("`Label name already exists in this company`.")],
        },
        new("GET", "/api/companies/{companyId}/labels", ApiTags.Labels, "List a company's labels")
        {
            Success = [Ok<IReadOnlyList<Label>>("The company's labels by name.")],
            Errors = [OtherCompany, CompanyNotFound],
        },
        new("DELETE", "/api/labels/{labelId}", ApiTags.Labels, "Delete a label")
        {
            Description = "Issues carrying the label lose it.",
            Success = [Ok<Label>("The deleted label.")],
            Errors = [NotFound("`Label not found`: unknown, malformed or another company's.")],
        },
    ];

    private static OpenApiSchema LabelBody()
    {
        var color = Text(InputLimits.ShortText);
        color.Pattern = LabelsApi.ColorFormat;
        return Object(Required("name", Text(LabelsApi.MaxNameLength, minLength: 1), "Trimmed; unique in the company."), Required("color", color, "`#RRGGBB`."));
    }
}
