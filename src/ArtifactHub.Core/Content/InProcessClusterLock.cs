namespace ArtifactHub.Core.Content;

/// <summary>
/// The cluster lock of a single node (SQLite is one process's database): a semaphore per key, forgotten when the
/// last holder or waiter lets go, so that keys do not pile up.
/// </summary>
public sealed class InProcessClusterLock : IClusterLock
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var entry = Enter(key);
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, entry);
            throw;
        }

        return new Held(this, key, entry);
    }

    public Task<IAsyncDisposable?> TryAcquireAsync(string key, CancellationToken cancellationToken)
    {
        // Before Enter: a cancelled token must not throw between Enter and Leave, which would keep the entry forever.
        cancellationToken.ThrowIfCancellationRequested();
        var entry = Enter(key);
        if (entry.Semaphore.Wait(0))
        {
            return Task.FromResult<IAsyncDisposable?>(new Held(this, key, entry));
        }

        Leave(key, entry);
        return Task.FromResult<IAsyncDisposable?>(null);
    }

    private Entry Enter(string key)
    {
        lock (entries)
        {
            if (!entries.TryGetValue(key, out var entry))
            {
                entries[key] = entry = new Entry();
            }

            entry.Users++;
            return entry;
        }
    }

    private void Leave(string key, Entry entry)
    {
        lock (entries)
        {
            if (--entry.Users == 0)
            {
                entries.Remove(key);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Held(InProcessClusterLock owner, string key, Entry entry) : IAsyncDisposable
    {
        private int released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Leave(key, entry);
            }

            return ValueTask.CompletedTask;
        }
    }
}
