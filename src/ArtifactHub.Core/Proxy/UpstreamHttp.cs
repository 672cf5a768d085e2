using System.Net;
using System.Net.Sockets;

namespace ArtifactHub.Core.Proxy;

/// <summary>The HttpClients (connection pools) of every upstream; each request carries its repository's connect timeout.</summary>
public static class UpstreamHttp
{
    public static readonly HttpRequestOptionsKey<TimeSpan> ConnectTimeout = new("ArtifactHub.ConnectTimeout");

    /// <param name="decompress">
    /// Ask for compressed answers and decode them, as the go command does; false: ask for none and keep the bytes as the
    /// upstream sent them, Content-Encoding and all, as curl and wget do.
    /// </param>
    public static HttpClient Create(bool decompress = true) => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(600), // the most a repository may set; its own applies in ConnectAsync
        ConnectCallback = ConnectAsync,
        AutomaticDecompression = decompress ? DecompressionMethods.All : DecompressionMethods.None,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan, // each request has the repository's own timeouts
        DefaultRequestHeaders = { { "User-Agent", "ArtifactHub" } },
    };

    /// <summary>
    /// Connects as SocketsHttpHandler does, within the connect timeout of the request that asked for the
    /// connection (a pooled connection is shared by repositories with the same upstream; the first one's applies).
    /// </summary>
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var timeout = context.InitialRequestMessage.Options.TryGetValue(ConnectTimeout, out var own) ? own : TimeSpan.FromSeconds(30);
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connect.CancelAfter(timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, connect.Token);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"no connection within {timeout.TotalSeconds:0} s");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
