using Npgsql;
using NpgsqlTypes;

namespace Paperclip.Grains.Storage;

/// <summary>Small helpers of the stores that speak SQL to our own tables.</summary>
public static class SqlRows
{
    /// <summary>Runs a query and maps every row; cancelling the token cancels the statement in PostgreSQL.</summary>
    public static async Task<List<T>> ReadAsync<T>(
        NpgsqlDataSource dataSource, string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(sql);
        bind(command.Parameters);
        // ConfigureAwait(false): no grain state is touched, so rows are read off the grain's scheduler
        // (the calling grain's own await still resumes on its scheduler).
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>A typed parameter whose <c>null</c> is SQL NULL.</summary>
    public static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };
}
