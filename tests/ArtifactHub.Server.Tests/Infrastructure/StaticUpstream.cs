using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace ArtifactHub.Server.Tests;

/// <summary>
/// A plain static file server on a loopback port, the simplest real upstream for a proxy of any format: it serves the
/// files of a tree on disk (<see cref="Serve(string, byte[])"/>; a Go module proxy's tree with <c>Add</c>, see
/// <see cref="GoProxyTree"/>), counts requests per path and records their Authorization headers. It can be told to
/// fail (500), to fail the next few requests, to hang, to hold its answers until released, to redirect a path
/// elsewhere, to stop, or to require an Authorization header.
/// </summary>
public sealed class StaticUpstream : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> hits = new();
    private readonly ConcurrentQueue<string?> authorizations = new();
    private readonly ConcurrentDictionary<string, string> redirects = new();
    private volatile TaskCompletionSource? hold;
    private int failuresLeft;

    private StaticUpstream(WebApplication app, string root)
    {
        this.app = app;
        Root = root;
    }

    public enum Behaviour
    {
        Serve,
        Fail,
        Hang,
    }

    public string Root { get; }

    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/";

    public Behaviour Mode { get; set; } = Behaviour.Serve;

    /// <summary>How many requests for <paramref name="path"/> (relative, as unescaped by the server) arrived.</summary>
    public int Hits(string path) => hits.GetValueOrDefault("/" + path.TrimStart('/'));

    public int TotalHits => hits.Values.Sum();

    /// <summary>When set, a request without exactly this Authorization header is answered 401.</summary>
    public string? RequiredAuthorization { get; set; }

    /// <summary>The Authorization header of every request received (null: none), in order.</summary>
    public IReadOnlyCollection<string?> Authorizations => authorizations;

    /// <summary>Puts <paramref name="content"/> where the tree serves <paramref name="path"/> (relative, e.g. <c>dir/file.json</c>); returns it.</summary>
    public byte[] Serve(string path, byte[] content)
    {
        var file = FileOf(path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, content);
        return content;
    }

    /// <inheritdoc cref="Serve(string, byte[])"/>
    public byte[] Serve(string path, string text) => Serve(path, Encoding.UTF8.GetBytes(text));

    /// <summary>The bytes the tree serves at <paramref name="path"/>.</summary>
    public byte[] Served(string path) => File.ReadAllBytes(FileOf(path));

    /// <summary>Requests for <paramref name="path"/> are answered 302 to <paramref name="url"/>.</summary>
    public void Redirect(string path, string url) => redirects["/" + path.TrimStart('/')] = url;

    /// <summary>The next <paramref name="requests"/> requests are answered 500; then the mode applies again.</summary>
    public void FailNext(int requests) => Volatile.Write(ref failuresLeft, requests);

    /// <summary>Requests are counted as they arrive, but answered only once the returned handle is disposed.</summary>
    public IDisposable HoldAnswers()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hold = gate;
        return new Release(() =>
        {
            hold = null;
            gate.TrySetResult();
        });
    }

    private string FileOf(string path) => Path.Combine([Root, .. path.TrimStart('/').Split('/')]);

    private bool TakeFailure()
    {
        int left;
        do
        {
            left = Volatile.Read(ref failuresLeft);
            if (left <= 0)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref failuresLeft, left - 1, left) != left);
        return true;
    }

    public static async Task<StaticUpstream> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("ah-upstream-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var upstream = new StaticUpstream(app, root);
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            upstream.hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            var authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null;
            upstream.authorizations.Enqueue(authorization);
            if (upstream.hold is { } gate)
            {
                await gate.Task.WaitAsync(context.RequestAborted);
            }

            if (upstream.RequiredAuthorization is { } required && authorization != required)
            {
                context.Response.StatusCode = 401;
                return;
            }

            if (upstream.TakeFailure())
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("upstream fails this once");
                return;
            }

            switch (upstream.Mode)
            {
                case Behaviour.Fail:
                    context.Response.StatusCode = 500;
                    await context.Response.WriteAsync("upstream is broken");
                    return;
                case Behaviour.Hang:
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                    return;
            }

            if (upstream.redirects.TryGetValue(path, out var location))
            {
                context.Response.Redirect(location);
                return;
            }

            await next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
        });
        await app.StartAsync();
        return upstream;
    }

    public async Task StopAsync() => await app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        hold?.TrySetResult();
        await app.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
