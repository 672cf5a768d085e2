using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArtifactHub.TestSupport;

/// <summary>
/// A static GOPROXY on a loopback port that serves the files it is given, counts the requests for each path, and
/// takes <see cref="Delay"/> before each answer (so that concurrent fetches overlap). Anything else is a 404.
/// For an upstream tree on disk that can fail, hang or demand credentials, Server.Tests has StaticUpstream.
/// </summary>
public sealed class CountingGoProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();

    private CountingGoProxy(WebApplication app, int port)
    {
        _app = app;
        BaseUrl = $"http://127.0.0.1:{port}/";
    }

    /// <summary>With a trailing slash.</summary>
    public string BaseUrl { get; }

    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(1);

    public static async Task<CountingGoProxy> StartAsync()
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new CountingGoProxy(app, port);
        app.Run(proxy.AnswerAsync);
        await app.StartAsync().ConfigureAwait(false);
        return proxy;
    }

    /// <summary>Serves <paramref name="bytes"/> at <paramref name="path"/> (relative, e.g. <c>example.com/m/@v/v1.0.0.zip</c>).</summary>
    public void Add(string path, byte[] bytes) => _files["/" + path.TrimStart('/')] = bytes;

    /// <summary>How many requests for <paramref name="path"/> arrived.</summary>
    public int Hits(string path) => _hits.GetValueOrDefault("/" + path.TrimStart('/'));

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        await Task.Delay(Delay, context.RequestAborted).ConfigureAwait(false);
        if (!_files.TryGetValue(path, out var bytes))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
