using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Server.Tests;

/// <summary>
/// The whole server on Kestrel and a real loopback socket, for requests no HttpClient (and no in-memory test server)
/// would send: a chunk size that overflows, a body cut short. Kestrel's own parsing is what these tests are about.
/// </summary>
public sealed class KestrelArtifactHub : IDisposable
{
    public KestrelArtifactHub()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        Address = new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public ArtifactHubFactory Factory { get; } = new();

    public Uri Address { get; }

    public void Dispose() => Factory.Dispose();
}

/// <summary>A request written byte for byte, and the answer read back from the socket.</summary>
public static class RawHttp
{
    /// <summary>What came back; <see cref="ContentType"/> without parameters, <see cref="Body"/> de-chunked.</summary>
    public sealed record Answer(int Status, string? ContentType, string Body);

    public static string AdminAuthorization =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + ArtifactHubFactory.AdminPassword));

    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers, without the blank line that ends them) and then
    /// <paramref name="body"/> as they are. <paramref name="closeAfterBody"/>: the client then shuts its side, as one
    /// whose upload broke off does. Null: the server closed the connection without an answer.
    /// </summary>
    public static async Task<Answer?> SendAsync(Uri server, string head, byte[] body, bool closeAfterBody = false)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head + "\r\nConnection: close\r\n\r\n"));
        await stream.WriteAsync(body);
        if (closeAfterBody)
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }

        using var received = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await stream.CopyToAsync(received, timeout.Token);
        }
        catch (IOException)
        {
            // A reset after the answer was sent: what arrived is parsed below.
        }

        return Parse(received.ToArray());
    }

    /// <summary>A chunked request body: each chunk as given (size line included), as a broken client may write it.</summary>
    public static byte[] Chunks(params string[] chunks) => Encoding.Latin1.GetBytes(string.Concat(chunks));

    private static Answer? Parse(byte[] bytes)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return null;
        }

        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = bytes[(end + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        return new Answer(status, headers.TryGetValue("Content-Type", out var type) ? type.Split(';')[0].Trim() : null, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var body = new MemoryStream();
        var at = 0;
        while (at < chunked.Length)
        {
            var lineEnd = at + chunked.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.Latin1.GetString(chunked, at, lineEnd - at).Split(';')[0], 16);
            if (size == 0)
            {
                break;
            }

            body.Write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }

        return body.ToArray();
    }
}
