using Npgsql;

namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// Holds every grain state write of a database at the door: a transaction that holds
/// <c>grain_state</c> in EXCLUSIVE mode (plain reads go on). A test can stop a process exactly
/// after its reads and before its write is stored, kill it there, and cut the write it left
/// waiting, as if the process had died before sending it. Disposing opens the door.
/// </summary>
public sealed class StateWriteGate : IAsyncDisposable
{
    private const string WaitingWriters = """
        FROM pg_locks WHERE locktype = 'relation' AND relation = 'grain_state'::regclass AND NOT granted
        """;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly TestDatabase _database;

    private StateWriteGate(NpgsqlConnection connection, NpgsqlTransaction transaction, TestDatabase database)
    {
        _connection = connection;
        _transaction = transaction;
        _database = database;
    }

    public static async Task<StateWriteGate> CloseAsync(TestDatabase database)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("LOCK TABLE grain_state IN EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new StateWriteGate(connection, transaction, database);
    }

    /// <summary>Waits until a write stands at the door (PostgreSQL shows it waiting for the lock).</summary>
    public async Task WaitForWriterAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((long)(await _database.ScalarAsync($"SELECT count(*) {WaitingWriters}"))! == 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Ends the sessions of the waiting writes: none of them will ever be stored.</summary>
    public Task CutWritersAsync() => _database.ScalarAsync($"SELECT count(pg_terminate_backend(pid)) {WaitingWriters}");

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
