using Orleans.Configuration;
using Orleans.Dashboard;
using Paperclip.Gateway.Hosting;
using Paperclip.Grains;
using Paperclip.Gateway.Observability;

namespace Paperclip.Gateway;

/// <summary>
/// The standalone Gateway: an Orleans client that finds the silos through the membership table
/// in PostgreSQL and serves the HTTP API. Run several behind a load balancer to scale HTTP out.
/// </summary>
public static class GatewayProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddPaperclipLogFilters();
        builder.Logging.AddPaperclipConsole(builder.Configuration);
        var configuration = builder.Configuration;
        var url = configuration["PAPERCLIP_DATABASE_URL"]
            ?? throw new InvalidOperationException("PAPERCLIP_DATABASE_URL is not set.");
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = configuration["PAPERCLIP_CLUSTER_ID"] ?? "paperclip";
                options.ServiceId = configuration["PAPERCLIP_SERVICE_ID"] ?? "paperclip";
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = DatabaseUrl.ToConnectionString(url);
            });
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            client.AddOutgoingGrainCallFilter<RetryUndeliveredCalls>();
            // The dashboard's pages and data are served here; the silos collect its data.
            if (DashboardEndpoints.IsEnabled(configuration))
            {
                client.AddDashboard();
            }
            GatewayConnections.Register(client);
        });
        builder.Services.AddDatabaseExceptionSerialization();
        builder.Services.AddPaperclipGateway(configuration);
        builder.WebHost.UsePaperclipHttp(configuration);
        var app = builder.Build();
        app.UsePaperclipGateway();
        await app.RunAsync();
    }
}
