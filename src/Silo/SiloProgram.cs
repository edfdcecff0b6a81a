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
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Logging.AddPaperclipLogFilters();
        var silo = SiloSettings.From(builder.Configuration);
        await SchemaMigrator.MigrateAsync(silo.ConnectionString);
        builder.UseOrleans(orleans => orleans.UsePaperclip(silo));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(15));

        if (silo.HttpPort == 0)
        {
            // A grain-only silo: no HTTP endpoints at all.
            builder.WebHost.UseUrls();
            builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
            var grainsOnly = builder.Build();
            return grainsOnly;
        }
        builder.Services.AddPaperclipGateway(builder.Configuration);
        builder.WebHost.UsePaperclipHttp(builder.Configuration);
        var app = builder.Build();
        app.UsePaperclipGateway();
        return app;
    }
}
