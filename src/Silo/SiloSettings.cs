using System.Net;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Paperclip.Gateway.Hosting;

namespace Paperclip.Silo;

/// <summary>
/// A silo's settings, read from configuration (environment variables <c>PAPERCLIP_*</c>).
/// Every silo and gateway of one cluster must share the database, cluster id and service id.
/// </summary>
public sealed record SiloSettings
{
    public required string ConnectionString { get; init; }
    public string ClusterId { get; init; } = "paperclip";
    public string ServiceId { get; init; } = "paperclip";
    public string SiloName { get; init; } = Environment.MachineName;
    public IPAddress AdvertisedAddress { get; init; } = IPAddress.Loopback;
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;
    /// <summary>The HTTP API port this silo co-hosts; 0 for a silo without HTTP.</summary>
    public int HttpPort { get; init; }
    /// <summary>Detect dead silos within seconds (for tests and single-machine runs) instead of Orleans' production defaults.</summary>
    public bool FastFailover { get; init; }
    /// <summary>How long a heartbeat run stays live without a request carrying its id.</summary>
    public TimeSpan RunLease { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>How often each silo ends runs whose lease ran out unobserved.</summary>
    public TimeSpan RunSweepInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Queued/running runs an agent may have before its unseen run ids are refused with 429.</summary>
    public int MaxLiveRunsPerAgent { get; init; } = 20;
    /// <summary>One webhook attempt's time limit.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>The wait after a wakeup's first failed webhook attempt (doubling after each further one).</summary>
    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Webhook attempts per wakeup before it is marked failed.</summary>
    public int WebhookAttempts { get; init; } = 5;
    /// <summary>How often each silo looks for due wakeups.</summary>
    public TimeSpan WebhookPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Database connections each pool opens at start and keeps (<see cref="DatabaseWarmup"/>); 0: grow on demand only.</summary>
    public int WarmConnections { get; init; }

    /// <summary>Whether this silo collects the Orleans dashboard's data (<c>PAPERCLIP_DASHBOARD</c>).</summary>
    public bool Dashboard { get; init; } = true;

    public static SiloSettings From(IConfiguration configuration)
    {
        var url = configuration["PAPERCLIP_DATABASE_URL"]
            ?? throw new InvalidOperationException("PAPERCLIP_DATABASE_URL is not set: give the PostgreSQL URL (deploy/up.sh starts a local one).");
        var warm = Math.Clamp(configuration.GetValue("PAPERCLIP_DB_WARM_CONNECTIONS", 0), 0, 64);
        return new SiloSettings
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(url)) { MinPoolSize = warm }.ConnectionString,
            WarmConnections = warm,
            ClusterId = configuration["PAPERCLIP_CLUSTER_ID"] ?? "paperclip",
            ServiceId = configuration["PAPERCLIP_SERVICE_ID"] ?? "paperclip",
            SiloName = configuration["PAPERCLIP_SILO_NAME"] ?? Environment.MachineName,
            AdvertisedAddress = IPAddress.Parse(configuration["PAPERCLIP_ADVERTISED_IP"] ?? "127.0.0.1"),
            SiloPort = configuration.GetValue("PAPERCLIP_SILO_PORT", 11111),
            GatewayPort = configuration.GetValue("PAPERCLIP_GATEWAY_PORT", 30000),
            HttpPort = configuration.GetValue("PAPERCLIP_HTTP_PORT", 0),
            FastFailover = configuration.GetValue("PAPERCLIP_FAST_FAILOVER", true),
            RunLease = TimeSpan.FromSeconds(configuration.GetValue("PAPERCLIP_RUN_LEASE_SECONDS", 600.0)),
            RunSweepInterval = TimeSpan.FromSeconds(configuration.GetValue("PAPERCLIP_RUN_SWEEP_SECONDS", 30.0)),
            MaxLiveRunsPerAgent = configuration.GetValue("PAPERCLIP_MAX_LIVE_RUNS_PER_AGENT", 20) is var max and >= 1
                ? max
                : throw new InvalidOperationException("PAPERCLIP_MAX_LIVE_RUNS_PER_AGENT must be at least 1."),
            WebhookTimeout = TimeSpan.FromSeconds(configuration.GetValue("PAPERCLIP_WEBHOOK_TIMEOUT_SECONDS", 5.0)),
            WebhookRetryDelay = TimeSpan.FromSeconds(configuration.GetValue("PAPERCLIP_WEBHOOK_RETRY_SECONDS", 2.0)),
            WebhookAttempts = Math.Max(1, configuration.GetValue("PAPERCLIP_WEBHOOK_ATTEMPTS", 5)),
            WebhookPollInterval = TimeSpan.FromSeconds(configuration.GetValue("PAPERCLIP_WEBHOOK_POLL_SECONDS", 1.0)),
            Dashboard = Gateway.Observability.DashboardEndpoints.IsEnabled(configuration),
        };
    }
}
