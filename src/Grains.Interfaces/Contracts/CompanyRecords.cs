namespace Paperclip.Grains;

/// <summary>
/// Looks up the records another record points at, seeing only those of one company. Checks on
/// the way in and expansions on the way out both go through here, so another company's record is
/// never told apart from a missing one (ids cannot be probed) and rows stored before references
/// were checked cannot show another company's data.
/// </summary>
public static class CompanyRecords
{
    /// <summary>The record, or <c>null</c> when it does not exist or belongs to another company.</summary>
    public static async Task<TRecord?> FindInCompanyAsync<TGrain, TRecord>(this IGrainFactory grains, Guid id, Guid companyId)
        where TGrain : IRecordGrain<TRecord>
        where TRecord : class, ITimestamped, ICompanyOwned =>
        await grains.GetGrain<TGrain>(id).GetAsync() is { } record && record.CompanyId == companyId ? record : null;

    /// <summary>The records of <paramref name="companyId"/> among the distinct <paramref name="ids"/>, in their order.</summary>
    public static async Task<IReadOnlyList<TRecord>> FindAllInCompanyAsync<TGrain, TRecord>(
        this IGrainFactory grains, IEnumerable<Guid> ids, Guid companyId)
        where TGrain : IRecordGrain<TRecord>
        where TRecord : class, ITimestamped, ICompanyOwned =>
        [.. (await Task.WhenAll(ids.Distinct().Select(id => grains.FindInCompanyAsync<TGrain, TRecord>(id, companyId)))).OfType<TRecord>()];
}
