using Paperclip.Grains;

namespace Paperclip.Gateway.Http;

/// <summary>Lookups of the company a company-scoped route names.</summary>
public static class Companies
{
    /// <summary>The company, or a 404 <c>Company not found</c>.</summary>
    public static async Task<Company> RequireAsync(IGrainFactory grains, Guid companyId) =>
        await grains.GetGrain<ICompanyGrain>(companyId).GetAsync() ?? throw ApiException.NotFound("Company not found");
}
