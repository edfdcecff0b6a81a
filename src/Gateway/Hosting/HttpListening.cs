using System.Net;

namespace Paperclip.Gateway.Hosting;

/// <summary>
/// Where the HTTP API listens: <c>PAPERCLIP_LISTEN_HOST</c> (default 127.0.0.1) and
/// <c>PAPERCLIP_HTTP_PORT</c> (default 3100). <c>local_trusted</c> treats every caller without
/// credentials as the board, so it may only listen on loopback. With <c>PAPERCLIP_HTTP_SHARED_PORT=true</c>
/// (what <c>deploy/up.sh</c> sets) every process of the machine listens on the same port.
/// </summary>
public static class HttpListening
{
    public const int DefaultPort = 3100;

    public static IWebHostBuilder UsePaperclipHttp(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        var host = configuration["PAPERCLIP_LISTEN_HOST"] ?? "127.0.0.1";
        var port = configuration.GetValue("PAPERCLIP_HTTP_PORT", DefaultPort);
        var mode = GatewaySettings.From(configuration).DeploymentMode;
        if (mode == DeploymentModes.LocalTrusted && !IsLoopback(host))
        {
            throw new InvalidOperationException(
                $"local_trusted mode serves only on loopback, but PAPERCLIP_LISTEN_HOST is '{host}'. " +
                "Anyone who can reach the port would act as the board: set PAPERCLIP_DEPLOYMENT_MODE=authenticated to listen on other addresses.");
        }
        if (configuration.GetValue("PAPERCLIP_HTTP_SHARED_PORT", false))
        {
            webHost.UseSockets(options => options.CreateBoundListenSocket = SharedPortSocket.Bind);
        }
        return webHost.UseUrls($"http://{(host.Contains(':') ? $"[{host}]" : host)}:{port}");
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
