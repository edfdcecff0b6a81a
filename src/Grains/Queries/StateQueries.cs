using System.Text.Json;
using Npgsql;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Queries;

/// <summary>Runs SQL over <c>grain_state</c> and turns the returned payloads back into records.</summary>
public sealed class StateQueries(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The filter every query over live records of one kind starts with. The state name is a
    /// literal, not a parameter: only then can a prepared statement's generic plan prove the
    /// <c>state_name = 'issue'</c> predicate of the partial indexes and use them.
    /// </summary>
    public static string LiveRows(string kind) => $"service_id = @service AND state_name = '{kind}' AND payload IS NOT NULL";

    /// <summary>
    /// Cancelling <paramref name="cancellationToken"/> (the HTTP client hung up, the grain call was
    /// cancelled) makes Npgsql cancel the statement on the server, not just stop waiting for it.
    /// </summary>
    public Task<List<T>> ReadRecordsAsync<T>(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken = default) =>
        // The payload's UTF-8 bytes go straight to the JSON reader: no UTF-16 string in between.
        SqlRows.ReadAsync(dataSource, sql, bind,
            reader => JsonSerializer.Deserialize<T>(reader.GetFieldValue<byte[]>(0), GrainStateJson.Options)!, cancellationToken);

    /// <summary>The first column of each row as the stored JSON's UTF-8 bytes.</summary>
    public Task<List<byte[]>> ReadPayloadsAsync(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken = default) =>
        SqlRows.ReadAsync(dataSource, sql, bind, reader => reader.GetFieldValue<byte[]>(0), cancellationToken);

    public async Task<object?> ReadScalarAsync(string sql, Action<NpgsqlParameterCollection> bind)
    {
        await using var command = dataSource.CreateCommand(sql);
        bind(command.Parameters);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }
}
