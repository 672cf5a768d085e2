using ArtifactHub.Data;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Downloads;

/// <summary>
/// Adds the downloads <see cref="DownloadCounter"/> collected to the database every
/// <see cref="DownloadOptions.FlushIntervalSeconds"/>, and once more when the server has stopped. What cannot be
/// written (the database is away) is kept for the next try.
/// </summary>
public sealed class DownloadCountFlusher(
    DownloadCounter counter, IServiceScopeFactory scopes, IOptions<DownloadOptions> options, ILogger<DownloadCountFlusher> logger)
    : BackgroundService, IHostedLifecycleService
{
    /// <summary>Component ids per UPDATE statement (one parameter each).</summary>
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FlushIntervalSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryFlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StoppedAsync writes what is left.
        }
    }

    /// <summary>
    /// The last write waits until every hosted service has stopped, the web server included (it stops after this service,
    /// having been registered before it), so that downloads still being served while the server drained are counted.
    /// </summary>
    public async Task StoppedAsync(CancellationToken cancellationToken) => await TryFlushAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes what was counted so far; true when all of it was written.</summary>
    public async Task<bool> TryFlushAsync(CancellationToken cancellationToken)
    {
        var taken = counter.Take();
        if (taken.Count == 0)
        {
            return true;
        }

        // One statement per distinct count and batch of ids: most components were downloaded once or twice since the last write.
        var batches = taken.GroupBy(c => c.Value, c => c.Key).SelectMany(g => g.Chunk(Batch).Select(ids => (Count: g.Key, Ids: ids))).ToList();
        var written = 0;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ArtifactHubDbContext>();
            foreach (var (count, ids) in batches)
            {
                await db.Components.AddDownloadsAsync(ids, count, cancellationToken);
                written++;
            }

            return true;
        }
        catch (Exception e)
        {
            var unwritten = batches.Skip(written).SelectMany(b => b.Ids.Select(id => KeyValuePair.Create(id, b.Count))).ToList();
            counter.Restore(unwritten);
            if (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not write the download counts of {Components} component(s); trying again later", unwritten.Count);
            }

            return false;
        }
    }
}
