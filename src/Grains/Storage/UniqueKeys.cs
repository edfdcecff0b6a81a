using Npgsql;

namespace Paperclip.Grains.Storage;

/// <summary>
/// Names that must be unique within a scope, claimed with insert-if-absent: of any number of
/// concurrent claimants of one name, exactly one wins, on any silo.
/// </summary>
public sealed class UniqueKeys(NpgsqlDataSource dataSource)
{
    public const string CompanyPrefix = "company-prefix";
    public const string LabelName = "label-name";

    /// <summary>Claims the key for <paramref name="ownerId"/>; true when it is now (or already was) theirs.</summary>
    public async Task<bool> TryClaimAsync(string kind, string scope, string key, Guid ownerId)
    {
        await using var command = dataSource.CreateCommand("""
            WITH claimed AS (
                INSERT INTO unique_keys (kind, scope, key, owner_id) VALUES (@kind, @scope, @key, @owner)
                ON CONFLICT DO NOTHING RETURNING owner_id)
            SELECT owner_id FROM claimed
            UNION ALL
            SELECT owner_id FROM unique_keys WHERE kind = @kind AND scope = @scope AND key = @key
            LIMIT 1
            """);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("owner", ownerId);
        return await command.ExecuteScalarAsync() is Guid owner && owner == ownerId;
    }

    /// <summary>Frees a key held by <paramref name="ownerId"/> (a no-op if someone else holds it).</summary>
    public async Task ReleaseAsync(string kind, string scope, string key, Guid ownerId)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM unique_keys WHERE kind = @kind AND scope = @scope AND key = @key AND owner_id = @owner");
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("owner", ownerId);
        await command.ExecuteNonQueryAsync();
    }
}
