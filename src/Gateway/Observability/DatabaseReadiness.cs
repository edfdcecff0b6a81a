using Npgsql;

namespace Paperclip.Gateway.Observability;

/// <summary>
/// Whether PostgreSQL answers: <c>SELECT 1</c> on a new connection within
/// <see cref="Timeout"/> (a new one, because an outage shows first as refused new connections).
/// The readiness route is open to anyone, so one probe answers every caller for
/// <see cref="Reuse"/>: a flood of probes opens about one connection a second, not one each.
/// </summary>
public sealed class DatabaseReadiness(GatewaySettings settings, TimeProvider time)
{
    /// <summary>How long one probe's answer serves every caller.</summary>
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly string? _connectionString = settings.DatabaseConnectionString is { } connectionString
        ? new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = (int)Timeout.TotalSeconds }.ConnectionString
        : null;
    private readonly Lock _lock = new();
    private Task<ReadinessCheck>? _latest;
    private long _latestStarted;

    public Task<ReadinessCheck> CheckAsync()
    {
        lock (_lock)
        {
            if (_latest is null || (_latest.IsCompleted && time.GetElapsedTime(_latestStarted) >= Reuse))
            {
                _latestStarted = time.GetTimestamp();
                _latest = ProbeAsync();
            }
            return _latest;
        }
    }

    private async Task<ReadinessCheck> ProbeAsync()
    {
        if (_connectionString is null)
        {
            return new(false, "not_configured");
        }
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return new(true, "ok");
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException
            || exception.InnerException is TimeoutException)
        {
            return new(false, "timeout");
        }
        catch (NpgsqlException)
        {
            return new(false, "unreachable");
        }
    }
}
