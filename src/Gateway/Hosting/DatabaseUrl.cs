using Npgsql;

namespace Paperclip.Gateway.Hosting;

/// <summary>
/// Turns the operator's database setting into an Npgsql connection string. Accepts URLs
/// (<c>postgres://user:pass@host:port/db?sslmode=require</c>) and Npgsql key=value strings.
/// </summary>
public static class DatabaseUrl
{
    /// <summary>
    /// Each process gets a bounded pool: the sum of all silos' and gateways' pools must stay under
    /// PostgreSQL's <c>max_connections</c>, or a burst of activations fails with "too many clients".
    /// </summary>
    public const int DefaultMaxPoolSize = 40;

    /// <summary>More than the distinct statements a process sends, so none is evicted and re-prepared.</summary>
    public const int AutoPreparedStatements = 100;

    public static string ToConnectionString(string value, int maxPoolSize = DefaultMaxPoolSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var builder = value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? FromUrl(new Uri(value))
            : new NpgsqlConnectionStringBuilder(value);
        if (!value.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = maxPoolSize;
        }
        // Every statement we send is one of a few fixed texts (provider queries, list shapes).
        // Prepared once per connection, PostgreSQL skips parsing them, and planning them whenever
        // it keeps a generic plan (the grains' own pool always does: QuerySession): planning was
        // 0.2-0.5 ms of server CPU per statement against a table with this many expression indexes.
        if (!value.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
            // From its first use on a connection, not its fifth: the pool hands out its idle
            // connections in turn, so with 40 warm ones a statement was sent unprepared (parsed
            // and planned anew, 2-6 ms on a backend whose caches were cold) for its first 200 uses.
            builder.AutoPrepareMinUsages = 1;
        }
        // A pooled connection is handed back without a reset (which would also have to keep the
        // prepared statements): we never change session state, and the reset cost a statement
        // per checkout.
        if (!value.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    private static NpgsqlConnectionStringBuilder FromUrl(Uri uri)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var val = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
            builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = val;
        }
        return builder;
    }
}
