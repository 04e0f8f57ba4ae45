using System.Net;
using System.Net.Sockets;

namespace Streamline.TestSupport;

/// <summary>A TCP port on 127.0.0.1 that was free a moment ago (the OS picked it), for servers a test starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
