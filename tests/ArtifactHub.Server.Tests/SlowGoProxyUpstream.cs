using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtifactHub.Server.Tests;

/// <summary>An upstream that takes its time over every answer (so that concurrent requests overlap) and counts requests per path.</summary>
public sealed class SlowGoProxyUpstream : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, byte[]> files = new();
    private readonly ConcurrentDictionary<string, int> hits = new();

    private SlowGoProxyUpstream(WebApplication app) => this.app = app;

    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(500);

    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/";

    public int Hits(string path) => hits.GetValueOrDefault(path);

    public void Serve(string path, byte[] content) => files[path] = content;

    public static async Task<SlowGoProxyUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var upstream = new SlowGoProxyUpstream(app);
        app.Run(async context =>
        {
            var path = context.Request.Path.Value!.TrimStart('/');
            upstream.hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            await Task.Delay(upstream.Delay, context.RequestAborted);
            if (!upstream.files.TryGetValue(path, out var content))
            {
                context.Response.StatusCode = 404;
                return;
            }

            await context.Response.Body.WriteAsync(content, context.RequestAborted);
        });
        await app.StartAsync();
        return upstream;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
