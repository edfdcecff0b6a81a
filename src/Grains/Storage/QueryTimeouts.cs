using Npgsql;

namespace Paperclip.Grains.Storage;

/// <summary>
/// The time limit of every statement our own queries run (lists, searches, lookups, taken-name
/// checks): no request can keep a connection and a PostgreSQL backend busy for longer. The
/// server enforces it (<c>statement_timeout</c>, which holds even when the silo that sent the
/// statement died); Npgsql's command timeout, a little longer, covers a server that does not answer.
/// The Orleans providers' own pool keeps its defaults.
/// </summary>
public static class QueryTimeouts
{
    public static readonly TimeSpan Statement = TimeSpan.FromSeconds(10);

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var setting = $"-c statement_timeout={(int)Statement.TotalMilliseconds}";
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? setting : $"{builder.Options} {setting}";
        builder.CommandTimeout = (int)Statement.TotalSeconds + 5;
        return builder.ConnectionString;
    }
}
