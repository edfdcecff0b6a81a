using Paperclip.Gateway;
using Paperclip.Gateway.Hosting;
using Paperclip.Grains.Storage;

namespace Paperclip.Silo;

/// <summary>
/// A Paperclip silo process. It migrates the schema, joins the cluster through PostgreSQL and,
/// when <c>PAPERCLIP_HTTP_PORT</c> is set, co-hosts the HTTP API (the default single-node run:
/// one process, no network hop between HTTP and grains).
/// </summary>
public static class SiloProgram
{
    public static async Task Main(string[] args)
    {
        var host = await BuildAsync(args);
        await host.RunAsync();
    }

    /// <summary>Builds (and migrates for) a silo host; <paramref name="settings"/> overrides configuration keys.</summary>
    public static async Task<IHost> BuildAsync(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (IsGrainsOnly(args, settings))
        {
            // A plain host, not a web host: a web host without URLs still starts Kestrel on its
            // default localhost:5000, so a second grain-only silo on the machine failed to start.
            var grainsOnly = Host.CreateApplicationBuilder(args);
            await AddSiloAsync(grainsOnly, settings);
            return grainsOnly.Build();
        }
        var builder = WebApplication.CreateBuilder(args);
        await AddSiloAsync(builder, settings);
        builder.Services.AddPaperclipGateway(builder.Configuration);
        builder.Services.AddSingleton<Gateway.Observability.IClusterReadiness, SiloReadiness>();
        builder.WebHost.UsePaperclipHttp(builder.Configuration);
        var app = builder.Build();
        app.UsePaperclipGateway();
        return app;
    }

    private static async Task AddSiloAsync(IHostApplicationBuilder builder, IReadOnlyDictionary<string, string?>? settings)
    {
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Logging.AddPaperclipLogFilters();
        builder.Logging.AddPaperclipConsole(builder.Configuration);
        var silo = SiloSettings.From(builder.Configuration);
        await SchemaMigrator.MigrateAsync(silo.ConnectionString);
        builder.UseOrleans(orleans => orleans.UsePaperclip(silo));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(15));
    }

    /// <summary>No HTTP port configured (from the same sources the hosts read): a silo without HTTP.</summary>
    private static bool IsGrainsOnly(string[] args, IReadOnlyDictionary<string, string?>? settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        return configuration.GetValue("PAPERCLIP_HTTP_PORT", 0) == 0;
    }
}
