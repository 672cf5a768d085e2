using System.Collections.Concurrent;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>
/// Decides when a token's last use is worth writing: at most once a minute per token (per server), so that a go
/// command fetching hundreds of files does not write the token's row hundreds of times.
/// </summary>
public sealed class TokenUsageThrottle
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<long, DateTimeOffset> lastWritten = new();

    /// <summary>True when the caller should write this use now (and it is then counted as written).</summary>
    public bool ShouldRecord(long tokenId, DateTimeOffset now)
    {
        while (true)
        {
            if (!lastWritten.TryGetValue(tokenId, out var last))
            {
                if (lastWritten.TryAdd(tokenId, now))
                {
                    return true;
                }

                continue;
            }

            if (now - last < Interval)
            {
                return false;
            }

            if (lastWritten.TryUpdate(tokenId, now, last))
            {
                return true;
            }
        }
    }
}
