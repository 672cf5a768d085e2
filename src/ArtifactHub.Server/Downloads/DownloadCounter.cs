using System.Collections.Concurrent;

namespace ArtifactHub.Server.Downloads;

/// <summary>
/// Downloads counted in memory per component, so that serving a zip never waits on a database write;
/// <see cref="DownloadCountFlusher"/> takes them and adds them to the database now and then.
/// </summary>
public sealed class DownloadCounter
{
    private readonly ConcurrentDictionary<long, long> pending = new();

    public void Record(long componentId) => pending.AddOrUpdate(componentId, 1, (_, n) => n + 1);

    /// <summary>
    /// Removes and returns what was counted. Each component's count is removed atomically, so a download counted
    /// meanwhile is either in the answer or left for the next take, never lost.
    /// </summary>
    public IReadOnlyDictionary<long, long> Take()
    {
        var taken = new Dictionary<long, long>();
        foreach (var id in pending.Keys)
        {
            if (pending.TryRemove(id, out var count))
            {
                taken[id] = count;
            }
        }

        return taken;
    }

    /// <summary>Puts back counts that could not be written, to be tried again with the next take.</summary>
    public void Restore(IEnumerable<KeyValuePair<long, long>> counts)
    {
        foreach (var (id, count) in counts)
        {
            pending.AddOrUpdate(id, count, (_, n) => n + count);
        }
    }
}
