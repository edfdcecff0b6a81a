using Npgsql;

namespace Paperclip.Grains.Storage;

/// <summary>
/// Brings a database up to our schema and installs the provider query texts. Idempotent and safe
/// to run from several silos at once: an advisory lock serializes them, and each migration is
/// recorded in the same transaction that applies it.
/// </summary>
public static class SchemaMigrator
{
    private const long AdvisoryLockKey = 0x7061706572636c70; // "paperclp"

    public static async Task MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var (version, sql) in SchemaMigrations.All.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES (@v)", connection);
            record.Parameters.AddWithValue("v", version);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        // Query texts are code, not data: refresh them on every start so a new build's SQL is used.
        foreach (var (key, text) in ProviderQueries.All)
        {
            await using var upsert = new NpgsqlCommand("""
                INSERT INTO orleansquery (querykey, querytext) VALUES (@key, @text)
                ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext
                """, connection);
            upsert.Parameters.AddWithValue("key", key);
            upsert.Parameters.AddWithValue("text", text);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
