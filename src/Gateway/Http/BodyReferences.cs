using Paperclip.Grains;

namespace Paperclip.Gateway.Http;

/// <summary>
/// Ids in a request body that a record will keep must name records of the record's own company.
/// A missing record and another company's record get the same 422, so a caller learns nothing
/// about ids outside its company.
/// </summary>
public static class BodyReferences
{
    /// <summary>Throws 422 <paramref name="message"/> unless every non-null id names a record of the company.</summary>
    public static async Task RequireAsync<TGrain, TRecord>(IGrainFactory grains, Guid companyId, IEnumerable<Guid?> ids, string message)
        where TGrain : IRecordGrain<TRecord>
        where TRecord : class, ITimestamped, ICompanyOwned
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return;
        }
        var found = await grains.FindAllInCompanyAsync<TGrain, TRecord>(wanted, companyId);
        if (found.Count != wanted.Count)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, message);
        }
    }
}
