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

    public static IEndpointRouteBuilder MapPaperclipDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapOrleansDashboard(Path).AddEndpointFilter(static (invocation, next) =>
        {
            invocation.HttpContext.GetActor().RequireBoard();
            return next(invocation);
        });
        return routes;
    }
}
