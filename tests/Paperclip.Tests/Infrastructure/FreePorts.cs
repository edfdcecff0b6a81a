using System.Net;
using System.Net.Sockets;

namespace Paperclip.Tests.Infrastructure;

/// <summary>Ports nobody listens on right now, so test clusters run beside a running system.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
