using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Paperclip.Gateway.Observability;

/// <summary>
/// The Prometheus scrape endpoint of every HTTP process (<c>GET /metrics</c>) and what it
/// exports: ASP.NET Core and Kestrel, the .NET runtime, Orleans (the silo's or the client's),
/// Npgsql, and the meters the host adds (a silo adds our own, <c>Paperclip</c>).
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>How long one scrape's answer is served again (the exporter's default, stated): scrapes arriving together cost one collection.</summary>
    public static readonly TimeSpan ScrapeCache = TimeSpan.FromMilliseconds(300);

    private const string NpgsqlMeter = "Npgsql";

    /// <summary>
    /// Meters the runtime and libraries publish themselves. Reading them by name is all the
    /// runtime and Npgsql OpenTelemetry instrumentation packages would do.
    /// </summary>
    private static readonly string[] LibraryMeters = ["System.Runtime", "Microsoft.Orleans", NpgsqlMeter];

    /// <summary>
    /// The Npgsql tags kept. Its pool name is the connection string less the password, and it
    /// tags the server's address and port too: the database's host, port and user are no business
    /// of an open endpoint, so the pools of a process are added up instead.
    /// </summary>
    private static readonly string[] NpgsqlTags = ["db.system.name", "error.type"];

    /// <summary>
    /// Npgsql's observed gauges (connections per state, pool maximum, prepared ratio): the SDK
    /// would not add these up over pools but keep one pool's value, so they are left out.
    /// <c>db.client.connection.npgsql.pending_requests</c> and <c>…timeouts</c> still show a
    /// pool running dry.
    /// </summary>
    private static readonly string[] NpgsqlPerPoolInstruments =
        ["db.client.connection.count", "db.client.connection.max", "db.client.operation.npgsql.prepared_ratio"];

    public static IServiceCollection AddPaperclipMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("paperclip"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(LibraryMeters)
                .AddView(LibraryStream)
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = (int)ScrapeCache.TotalMilliseconds));
        return services;
    }

    /// <summary>
    /// Series per instrument that the SDK sets memory aside for: its default, 2,000, cost about
    /// 17 MB of large-object heap per silo over the library meters' instruments (Orleans alone
    /// publishes dozens), for series that carry a handful of tag values each. ASP.NET Core's own
    /// meters keep the default: their series are per route and status.
    /// </summary>
    private const int LibraryCardinality = 100;

    private static MetricStreamConfiguration? LibraryStream(Instrument instrument) =>
        instrument.Meter.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ? null
        : instrument.Meter.Name != NpgsqlMeter ? new MetricStreamConfiguration { CardinalityLimit = LibraryCardinality }
        : NpgsqlPerPoolInstruments.Contains(instrument.Name) ? MetricStreamConfiguration.Drop
        : new MetricStreamConfiguration { TagKeys = NpgsqlTags, CardinalityLimit = LibraryCardinality };

    /// <summary>
    /// Open to anyone, like <c>/api/health</c>: its series carry no tenant data (no company,
    /// agent or issue ids), and scrapers rarely hold API keys.
    /// </summary>
    public static IEndpointRouteBuilder MapPaperclipMetrics(this IEndpointRouteBuilder routes)
    {
        routes.MapPrometheusScrapingEndpoint(Path).AllowAnonymous();
        return routes;
    }
}
