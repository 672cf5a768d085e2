using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Maintenance;

/// <summary>Runs <see cref="BlobGarbageCollector"/> every <see cref="GarbageCollectionOptions.IntervalSeconds"/> (none when 0).</summary>
public sealed class BlobGarbageCollectionService(IServiceScopeFactory scopes, IOptions<GarbageCollectionOptions> options, ILogger<BlobGarbageCollectionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalSeconds == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BlobGarbageCollector>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The next tick tries again: a database or blob store that is down now may be back by then.
                logger.LogError(e, "Blob garbage collection failed");
            }
        }
    }
}
