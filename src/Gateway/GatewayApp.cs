using Paperclip.Gateway.Apis;
using Paperclip.Gateway.Auth;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.OpenApi;
using Paperclip.Gateway.Observability;

namespace Paperclip.Gateway;

/// <summary>
/// Wires the HTTP API into a web application. Used by the standalone Gateway (an Orleans client)
/// and by a silo that co-hosts the API (one process, no extra network hop).
/// </summary>
public static class GatewayApp
{
    public static IServiceCollection AddPaperclipGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(GatewaySettings.From(configuration));
        services.AddSingleton<AgentJwt>();
        services.AddSingleton<UnknownKeys>();
        services.AddSingleton<BearerAuthenticator>();
        services.AddSingleton<CompanyReadLimiter>();
        services.AddSingleton(Attachments.AttachmentSettings.From(configuration));
        services.AddSingleton<Attachments.IAttachmentStore, Attachments.PostgresAttachmentStore>();
        services.AddSingleton<Events.ActivityDoorbell>();
        services.AddHostedService(provider => provider.GetRequiredService<Events.ActivityDoorbell>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseReadiness>();
        services.AddPaperclipMetrics();
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddPaperclipApiDocumentation();
        // Every route but the attachment upload, which sets its own request's limit (file limit + framing).
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
            options.Limits.MaxRequestBodySize = Validation.JsonBody.MaxBytes + 1024 * 1024);
        return services;
    }

    public static WebApplication UsePaperclipGateway(this WebApplication app)
    {
        app.UseMiddleware<RequestIdHeader>();
        app.UseMiddleware<ApiErrorHandling>();
        app.UsePaperclipApiDocumentation();
        app.UseMiddleware<UnmatchedRoutes>();
        app.UseMiddleware<DashboardCredentials>();
        app.UseMiddleware<ActorResolution>();
        app.MapHealthApi();
        app.MapReadinessApi();
        app.MapPaperclipMetrics();
        if (DashboardEndpoints.IsEnabled(app.Configuration))
        {
            app.MapPaperclipDashboard();
        }
        app.MapCompaniesApi();
        app.MapAgentsApi();
        app.MapApiKeysApi();
        app.MapProjectsApi();
        app.MapGoalsApi();
        app.MapLabelsApi();
        app.MapIssuesApi();
        app.MapIssueLocksApi();
        app.MapCommentsApi();
        app.MapDocumentsApi();
        app.MapAttachmentsApi();
        app.MapActivityApi();
        app.MapEventsApi();
        app.MapRunsApi();
        app.MapWakeupsApi();
        app.MapHeartbeatContextApi();
        return app;
    }
}
