using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace Paperclip.Gateway.Hosting;

/// <summary>
/// A listen socket with <c>SO_REUSEPORT</c>, so several Paperclip processes on one machine serve
/// HTTP on the same port and the kernel spreads new connections over those alive: when one dies,
/// the port keeps answering from the others. Linux only lets sockets of the same user share a
/// port this way, so another local user cannot attach to ours.
/// </summary>
public static class SharedPortSocket
{
    // From <asm-generic/socket.h>; .NET exposes no managed name for SO_REUSEPORT.
    private const int SolSocket = 1;
    private const int SoReusePort = 15;

    public static Socket Bind(EndPoint endpoint)
    {
        if (endpoint is not IPEndPoint ip || !OperatingSystem.IsLinux())
        {
            return SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
        }
        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (ip.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }
            socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
            socket.Bind(ip);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
