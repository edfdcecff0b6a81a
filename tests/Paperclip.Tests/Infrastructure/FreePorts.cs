using System.Net;
using System.Net.Sockets;

namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// Ports nobody listens on right now, so test clusters run beside a running system. Taken below
/// Linux's ephemeral range (32768-60999): a port found free there could be handed to some outgoing
/// connection (a database pool's, a client's) before the silo binds it, and the silo then failed
/// to start with "address already in use".
/// </summary>
public static class FreePorts
{
    private const int Lowest = 20000;
    private const int Highest = 32700;

    public static int Next() => Range(1);

    /// <summary>The first of <paramref name="count"/> consecutive free ports (deploy/up.sh gives silo i the port BASE+i).</summary>
    public static int Range(int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = Random.Shared.Next(Lowest, Highest - count);
            if (Enumerable.Range(first, count).All(IsFree))
            {
                return first;
            }
        }
        throw new InvalidOperationException($"no {count} consecutive free ports found");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
