using Npgsql;
using Paperclip.Gateway.Hosting;
using Paperclip.Grains.Storage;

namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database on the throw-away PostgreSQL server that <c>deploy/test.sh</c>
/// starts (<c>PAPERCLIP_TEST_DATABASE_URL</c>). Each fixture gets its own, so tests never see
/// each other's rows and can run beside a running system.
/// </summary>
public sealed class TestDatabase
{
    private readonly string _serverConnectionString;

    private TestDatabase(string url, string connectionString, string name, string serverConnectionString)
    {
        Url = url;
        ConnectionString = connectionString;
        Name = name;
        _serverConnectionString = serverConnectionString;
    }

    public string Name { get; }

    /// <summary>The database as an operator would give it (<c>postgres://…</c>).</summary>
    public string Url { get; }

    public string ConnectionString { get; }

    /// <summary>The throw-away server as a superuser URL, password included.</summary>
    public static string ServerUrl => Environment.GetEnvironmentVariable("PAPERCLIP_TEST_DATABASE_URL")
        ?? throw new InvalidOperationException("PAPERCLIP_TEST_DATABASE_URL is not set: run the tests with ./deploy/test.sh, which starts PostgreSQL.");

    public static async Task<TestDatabase> CreateAsync()
    {
        var serverUrl = ServerUrl;
        var name = $"pc_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(DatabaseUrl.ToConnectionString(serverUrl)))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var uri = new UriBuilder(serverUrl) { Path = "/" + name };
        var url = uri.Uri.ToString();
        var database = new TestDatabase(url, DatabaseUrl.ToConnectionString(url, maxPoolSize: 20), name, DatabaseUrl.ToConnectionString(serverUrl));
        await SchemaMigrator.MigrateAsync(database.ConnectionString);
        return database;
    }

    /// <summary>
    /// Simulates a database outage for this database only: refuses new connections and cuts the
    /// open ones (or lifts the refusal again).
    /// </summary>
    public async Task SetReachableAsync(bool reachable)
    {
        await using var admin = new NpgsqlConnection(_serverConnectionString);
        await admin.OpenAsync();
        await using var allow = new NpgsqlCommand($"ALTER DATABASE {Name} ALLOW_CONNECTIONS {(reachable ? "true" : "false")}", admin);
        await allow.ExecuteNonQueryAsync();
        if (!reachable)
        {
            await using var cut = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}'", admin);
            await cut.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Runs one query with <c>@name</c> parameters and returns its first value (<c>null</c> for no row or SQL NULL).</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }
}
