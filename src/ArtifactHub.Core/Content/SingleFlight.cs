using System.Collections.Concurrent;

namespace ArtifactHub.Core.Content;

/// <summary>
/// Runs one piece of work per key at a time: callers that ask while it runs wait for the same result
/// (N concurrent requests for one uncached file make one upstream request, as in Athens).
/// </summary>
public sealed class SingleFlight<T>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<T>>> running = new(StringComparer.Ordinal);

    public Task<T> RunAsync(string key, Func<Task<T>> work)
    {
        var flight = running.GetOrAdd(key, k => new Lazy<Task<T>>(() => RunAndForgetAsync(k, work)));
        return flight.Value;
    }

    private async Task<T> RunAndForgetAsync(string key, Func<Task<T>> work)
    {
        try
        {
            // Off the caller's stack, so that the first caller giving up does not cancel the others' work.
            return await Task.Run(work);
        }
        finally
        {
            running.TryRemove(key, out _);
        }
    }
}
