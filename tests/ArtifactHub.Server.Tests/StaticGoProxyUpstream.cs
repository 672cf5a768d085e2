using System.Collections.Concurrent;
using ArtifactHub.Formats.Go;
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
/// A plain static file server on a loopback port holding a GOPROXY tree on disk: the simplest real upstream.
/// It counts requests per path and can be told to fail (500), to fail the next few requests, to hang, to stop,
/// or to require an Authorization header.
/// </summary>
public sealed class StaticGoProxyUpstream : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> hits = new();
    private readonly ConcurrentQueue<string?> authorizations = new();
    private int failuresLeft;

    private StaticGoProxyUpstream(WebApplication app, string root)
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

    public int Hits(string path) => hits.GetValueOrDefault("/" + path.TrimStart('/'));

    public int TotalHits => hits.Values.Sum();

    /// <summary>When set, a request without exactly this Authorization header is answered 401.</summary>
    public string? RequiredAuthorization { get; set; }

    /// <summary>The Authorization header of every request received (null: none), in order.</summary>
    public IReadOnlyCollection<string?> Authorizations => authorizations;

    /// <summary>The next <paramref name="requests"/> requests are answered 500; then the mode applies again.</summary>
    public void FailNext(int requests) => Volatile.Write(ref failuresLeft, requests);

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

    public static async Task<StaticGoProxyUpstream> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("ah-upstream-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var upstream = new StaticGoProxyUpstream(app, root);
        app.Use(async (context, next) =>
        {
            upstream.hits.AddOrUpdate(context.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            var authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null;
            upstream.authorizations.Enqueue(authorization);
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

    /// <summary>Publishes a version into the tree as a proxy would serve it, and adds it to the list.</summary>
    public void Add(string module, string version, byte[] zip, string? goMod = null, DateTimeOffset? time = null)
    {
        var dir = Path.Combine(Root, GoModulePath.Escape(module), "@v");
        Directory.CreateDirectory(dir);
        var v = GoModulePath.Escape(version);
        File.WriteAllBytes(Path.Combine(dir, v + ".zip"), zip);
        File.WriteAllText(Path.Combine(dir, v + ".mod"), goMod ?? $"module {module}\n\ngo 1.19\n");
        File.WriteAllText(Path.Combine(dir, v + ".info"), $"{{\"Version\":\"{version}\",\"Time\":\"{GoContent.FormatTime(time ?? new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero))}\"}}");
        File.AppendAllText(Path.Combine(dir, "list"), version + "\n");
    }

    public async Task StopAsync() => await app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
