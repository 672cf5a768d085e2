using System.Collections.Concurrent;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// Tiles read from a <see cref="SumDbFetch"/> the way the go command's sumdb client reads them (client.go's readTile):
/// a partial tile that is not there (the database has since completed it, and serves only the full one) is cut from
/// the full tile. Each tile is read once; <see cref="Paths"/> lists what was read, in order.
/// </summary>
public sealed class SumDbTileReads(SumDbFetch fetch)
{
    private readonly ConcurrentDictionary<Tile, Lazy<Task<byte[]>>> _tiles = new();
    private readonly ConcurrentQueue<string> _paths = new();

    /// <summary>The paths whose bytes were read (a partial tile served from its full one appears as the full tile's path).</summary>
    public IReadOnlyCollection<string> Paths => _paths;

    public async Task<byte[]> ReadAsync(Tile tile, CancellationToken cancellationToken)
    {
        var read = _tiles.GetOrAdd(tile, t => new Lazy<Task<byte[]>>(() => FetchAsync(t, cancellationToken)));
        try
        {
            return await read.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failure is not kept: the next read tries again.
            _tiles.TryRemove(KeyValuePair.Create(tile, read));
            throw;
        }
    }

    private async Task<byte[]> FetchAsync(Tile tile, CancellationToken cancellationToken)
    {
        if (await fetch(tile.Path, cancellationToken).ConfigureAwait(false) is { } data)
        {
            _paths.Enqueue(tile.Path);
            return data;
        }

        if (tile.IsFull || await fetch(tile.Full.Path, cancellationToken).ConfigureAwait(false) is not { } full)
        {
            throw new SumDbException(SumDbProblem.NotFound, tile.IsFull ? $"tile {tile.Path} not found" : $"tile {tile.Path} not found, nor {tile.Full.Path}");
        }

        _paths.Enqueue(tile.Full.Path);
        if (full.Length != tile.Full.HashBytes)
        {
            throw new SumDbException(SumDbProblem.TileSizeMismatch, $"tile {tile.Full.Path} (read for {tile.Path}) has {full.Length} bytes; a full tile has {tile.Full.HashBytes}");
        }

        // The first W hashes of a tile are the tile of width W.
        return full[..tile.HashBytes];
    }
}
