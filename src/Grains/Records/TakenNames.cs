using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Paperclip.Grains.Queries;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Records;

/// <summary>
/// Whether a name that must be unique is held by a stored record: a label name in its company
/// (case-insensitively) or a company's issue prefix. The guarantee is the database's unique index
/// over the stored records (<see cref="StateRules"/>), so a name is taken exactly while a record
/// holding it is stored: no claim outlives a creator that died before storing its record. This
/// look-up gives the usual answer without a refused write; a racer that passed it too is refused
/// by the index when it writes. The comparisons are the indexes' own expressions.
/// </summary>
public sealed class TakenNames(StateQueries queries, IOptions<ClusterOptions> cluster)
{
    private readonly string _serviceId = cluster.Value.ServiceId;

    /// <summary>Whether another label of the company than <paramref name="labelId"/> has this name.</summary>
    public async Task<bool> IsLabelNameTakenAsync(Guid companyId, string name, Guid labelId) =>
        await queries.ReadScalarAsync(
            $"""
            SELECT EXISTS (
                SELECT 1 FROM grain_state
                WHERE {StateQueries.LiveRows(StorageNames.Label)} AND payload->>'companyId' = @company
                  AND lower(payload->>'name') = lower(@name) AND payload->>'id' <> @label)
            """,
            p =>
            {
                p.AddWithValue("service", _serviceId);
                p.AddWithValue("company", companyId.ToString());
                p.AddWithValue("name", name);
                p.AddWithValue("label", labelId.ToString());
            }) is true;

    public async Task<bool> IsIssuePrefixTakenAsync(string prefix) =>
        await queries.ReadScalarAsync(
            $"SELECT EXISTS (SELECT 1 FROM grain_state WHERE {StateQueries.LiveRows(StorageNames.Company)} AND payload->>'issuePrefix' = @prefix)",
            p =>
            {
                p.AddWithValue("service", _serviceId);
                p.AddWithValue("prefix", prefix);
            }) is true;
}
