using Orleans.Dashboard;
using Paperclip.Gateway.Auth;

namespace Paperclip.Gateway.Observability;

/// <summary>
/// The Orleans dashboard for operators at <c>/dashboard/</c> on the HTTP API's port: the board
/// only (it shows every grain's state). In <c>local_trusted</c> mode a loopback caller without
/// credentials is the board, so it is open there like the rest of the API.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    /// <summary>
    /// <c>PAPERCLIP_DASHBOARD</c> (default true). Off, no process collects the dashboard's data
    /// or serves its pages: it costs each silo about 70 MiB of memory.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("PAPERCLIP_DASHBOARD", true);

    public static IEndpointRouteBuilder MapPaperclipDashboard(this IEndpointRouteBuilder routes)
    {
        // The dashboard's own pages and data feeds are Orleans' product, not the Paperclip API:
        // the API's OpenAPI document leaves them out.
        routes.MapOrleansDashboard(Path).AddEndpointFilter(static (invocation, next) =>
        {
            invocation.HttpContext.GetActor().RequireBoard();
            return next(invocation);
        }).ExcludeFromDescription();
        return routes;
    }
}
