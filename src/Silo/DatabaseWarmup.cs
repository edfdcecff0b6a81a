using Npgsql;
using Paperclip.Grains.Storage;

namespace Paperclip.Silo;

/// <summary>
/// Opens each of the silo's two pools' minimum size in connections right after start (the Orleans
/// provider's: <see cref="SiloSettings.WarmConnections"/>; the grains' own: at most
/// <see cref="QuerySession.MaxWarmConnections"/> of them), which the pools then keep. Each new
/// connection costs a SCRAM handshake and a backend process on both sides; a first burst of 32
/// concurrent creates used to grow both pools under load, and that burst's p99 was several times
/// the next one's. A failure only logs: the pools grow on demand anyway.
/// </summary>
public sealed class DatabaseWarmup(SiloSettings settings, NpgsqlDataSource grainsPool, ILogger<DatabaseWarmup> logger) : IHostedService
{
    /// <summary>Before the silo serves: warming under the first requests would slow exactly them.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => WarmAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmAsync()
    {
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            var connections = await Task.WhenAll(Enumerable.Range(0, settings.WarmConnections)
                .Select(_ => OpenProviderConnectionAsync())
                .Concat(Enumerable.Range(0, new NpgsqlConnectionStringBuilder(grainsPool.ConnectionString).MinPoolSize)
                    .Select(_ => grainsPool.OpenConnectionAsync().AsTask())));
            foreach (var connection in connections)
            {
                await using (connection)
                {
                    await PrepareBackendAsync(connection);
                }
            }
            logger.LogInformation("Opened {Count} database connections ahead of load in {Elapsed}",
                connections.Length, TimeProvider.System.GetElapsedTime(started));
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(exception, "Could not open database connections ahead of load");
        }
    }

    /// <summary>
    /// A new PostgreSQL backend loads a table's indexes, triggers and generated columns at its first
    /// write there: an issue row written and rolled back does it now, not in a request's turn.
    /// </summary>
    private static async Task PrepareBackendAsync(NpgsqlConnection connection)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var write = new NpgsqlCommand("""
            INSERT INTO grain_state (service_id, state_name, id_n0, id_n1, id_ext, payload, version, modified_at)
            VALUES ('warm-up', 'issue', 0, 0, '', '{}', 1, now());
            SELECT count(*) FROM activity_log WHERE company_id IS NULL
            """, connection, transaction);
        await write.ExecuteNonQueryAsync();
        await transaction.RollbackAsync();
    }

    /// <summary>The Orleans ADO.NET provider opens plain connections of this string: they share its pool.</summary>
    private async Task<NpgsqlConnection> OpenProviderConnectionAsync()
    {
        var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
