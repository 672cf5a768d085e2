using System.Net;
using System.Net.Sockets;

namespace ArtifactHub.TestSupport;

/// <summary>Free TCP ports on the loopback interface, for the servers the tests start.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// A port that was free a moment ago: the OS picks it for a listener that is closed at once. Another process may
    /// take it before the caller binds it; callers that cannot retry should expect that rarely.
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
