using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Formats.Go.Tests.SumDb;

/// <summary>Tiles served from a log kept in memory, as a database serves them, with a record of which were read and a way to spoil one.</summary>
public sealed class InMemoryTiles(StoredHashList log, int height)
{
    private readonly Dictionary<string, Func<byte[], byte[]>> _spoiled = [];

    public List<string> Read { get; } = [];

    public int Height => height;

    /// <summary>From now on <paramref name="path"/> is served changed by <paramref name="spoil"/>.</summary>
    public void Spoil(string path, Func<byte[], byte[]> spoil) => _spoiled[path] = spoil;

    public async Task<byte[]> FetchAsync(Tile tile, CancellationToken cancellationToken)
    {
        Read.Add(tile.Path);
        var hashes = await log.ReadHashesAsync(tile.StoredHashIndexes(), cancellationToken);
        var data = hashes.SelectMany(h => h.ToArray()).ToArray();
        return _spoiled.TryGetValue(tile.Path, out var spoil) ? spoil(data) : data;
    }
}
