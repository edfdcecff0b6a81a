using Npgsql;

namespace Paperclip.Grains.Storage;

/// <summary>
/// The session every statement of our own queries (lists, searches, lookups, taken-name checks,
/// journal and content writes) runs in. The Orleans providers' own pool keeps its defaults.
/// </summary>
public static class QuerySession
{
    /// <summary>
    /// The time limit of every statement: no request can keep a connection and a PostgreSQL
    /// backend busy for longer. The server enforces it (<c>statement_timeout</c>, which holds even
    /// when the silo that sent the statement died); Npgsql's command timeout, a little longer,
    /// covers a server that does not answer.
    /// </summary>
    public static readonly TimeSpan Statement = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most connections this pool keeps open ahead of load (its minimum size). Its callers are
    /// few at a time (one journal flusher per company, at most 8 lists per company), and the pool
    /// hands out its idle connections in turn: every connection kept is one more cold backend on
    /// which each statement is planned once more (a list page: 4 ms the first time, 0.1 ms after).
    /// </summary>
    public const int MaxWarmConnections = 8;

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, MaxWarmConnections);
        // Generic plans: a prepared list statement was planned anew on every execution (PostgreSQL
        // keeps custom plans when a generic plan's estimate, blind to LIMIT/OFFSET values, looks
        // dearer), 0.5 ms of server CPU per page for the same plan the generic one is. Our
        // statements are written for generic plans: state names are literals, so partial indexes
        // stay provable, and every filter is an index column compared to a parameter.
        // No JIT: PostgreSQL compiles a statement whose estimated cost passes jit_above_cost, and
        // the ancestor walk (a recursive query the planner cannot bound) passed it: GET of an issue
        // with a parent took 240-420 ms, all of it compiling, for 0.1 ms of work.
        var settings = $"-c statement_timeout={(int)Statement.TotalMilliseconds} -c plan_cache_mode=force_generic_plan -c jit=off";
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? settings : $"{builder.Options} {settings}";
        builder.CommandTimeout = (int)Statement.TotalSeconds + 5;
        return builder.ConnectionString;
    }
}
