using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Paperclip.Gateway.OpenApi;
using Paperclip.Silo;

namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// The routes the HTTP API maps, as <c>METHOD /pattern</c> keys: read from the endpoint data
/// sources of a silo host built in-process with the wiring every silo process uses, and never
/// started (it binds no port and joins no cluster).
/// </summary>
public static class RoutingTable
{
    public static async Task<IReadOnlySet<string>> RouteKeysAsync(string databaseUrl)
    {
        await using var app = (WebApplication)await SiloProgram.BuildAsync([], new Dictionary<string, string?>
        {
            ["PAPERCLIP_DATABASE_URL"] = databaseUrl,
            ["PAPERCLIP_CLUSTER_ID"] = $"routes-{Guid.NewGuid():N}",
            ["PAPERCLIP_HTTP_PORT"] = FreePorts.Next().ToString(),
        });
        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => RouteDoc.KeyOf(method, endpoint.RoutePattern.RawText!)))
            .ToHashSet();
    }
}
