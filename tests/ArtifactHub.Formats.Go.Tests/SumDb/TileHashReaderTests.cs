using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Formats.Go.Tests.SumDb;

/// <summary>
/// The tile hash reader over a log in memory with tiles of height 2, so that small trees already have full tiles,
/// parents and partial edges on three levels: every tile it reads must be the tree's, or nothing comes back.
/// </summary>
public sealed class TileHashReaderTests
{
    private const int Height = 2;

    private static StoredHashList Log(int records)
    {
        var log = new StoredHashList();
        for (var i = 0; i < records; i++)
        {
            log.Append([.. "example.com/m v1.0."u8, (byte)('0' + i % 10), (byte)'\n']);
        }

        return log;
    }

    private static async Task<TileHashReader> ReaderAsync(StoredHashList log, long size, InMemoryTiles tiles) =>
        new(new TreeHead(size, await TreeHash.ComputeAsync(size, log)), tiles.Height, tiles.FetchAsync);

    [Fact]
    public async Task Every_stored_hash_of_every_tree_size_comes_back_authenticated()
    {
        var log = Log(70);
        for (var size = 1L; size <= 70; size++)
        {
            var reader = await ReaderAsync(log, size, new InMemoryTiles(log, Height));
            var indexes = Enumerable.Range(0, (int)StoredHashes.Index(0, size)).Select(i => (long)i).ToList();

            Assert.Equal(await log.ReadHashesAsync(indexes), await reader.ReadHashesAsync(indexes));
        }
    }

    [Fact]
    public async Task A_flipped_byte_in_any_tile_read_is_a_tile_hash_mismatch()
    {
        var log = Log(70);
        var record = 21L;
        var paths = (await ReaderAsync(log, 70, new InMemoryTiles(log, Height))).TilesFor([StoredHashes.Index(0, record)]).Select(t => t.Path).ToList();
        Assert.True(paths.Count >= 5, string.Join(", ", paths));

        foreach (var path in paths)
        {
            var tiles = new InMemoryTiles(log, Height);
            tiles.Spoil(path, data => Flip(data, data.Length - 1));
            var reader = await ReaderAsync(log, 70, tiles);

            var e = await Assert.ThrowsAsync<SumDbException>(() => reader.ReadHashesAsync([StoredHashes.Index(0, record)]).AsTask());

            Assert.Equal(SumDbProblem.TileHashMismatch, e.Problem);
            Assert.Contains("downloaded inconsistent tile", e.Message);
        }
    }

    [Fact]
    public async Task A_truncated_tile_or_one_of_another_width_is_a_size_mismatch_naming_the_tile()
    {
        var log = Log(70);
        var truncated = new InMemoryTiles(log, Height);
        truncated.Spoil("tile/2/0/005", data => data[..^1]);
        var wider = new InMemoryTiles(log, Height);
        wider.Spoil("tile/2/0/017.p/2", data => [.. data, .. data[..32]]);

        var e1 = await Assert.ThrowsAsync<SumDbException>(async () => await (await ReaderAsync(log, 70, truncated)).ReadHashesAsync([StoredHashes.Index(0, 21)]));
        var e2 = await Assert.ThrowsAsync<SumDbException>(async () => await (await ReaderAsync(log, 70, wider)).ReadHashesAsync([StoredHashes.Index(0, 69)]));

        Assert.Equal(SumDbProblem.TileSizeMismatch, e1.Problem);
        Assert.Contains("tile/2/0/005 has 127 bytes; 4 hashes are 128", e1.Message);
        Assert.Equal(SumDbProblem.TileSizeMismatch, e2.Problem);
        Assert.Contains("tile/2/0/017.p/2 has 96 bytes; 2 hashes are 64", e2.Message);
    }

    [Fact]
    public async Task Tiles_of_another_log_do_not_hash_to_the_root_and_a_root_claiming_a_larger_tree_is_refused()
    {
        var log = Log(70);
        var other = new StoredHashList();
        for (var i = 0; i < 70; i++)
        {
            other.Append([.. "example.com/other v1.0.0"u8, (byte)'\n']);
        }

        var root = new TreeHead(70, await TreeHash.ComputeAsync(70, log));
        var otherTiles = new TileHashReader(root, Height, new InMemoryTiles(other, Height).FetchAsync);
        var claiming = new TileHashReader(new TreeHead(61, await TreeHash.ComputeAsync(60, log)), Height, new InMemoryTiles(log, Height).FetchAsync);

        var e1 = await Assert.ThrowsAsync<SumDbException>(() => otherTiles.ReadHashesAsync([StoredHashes.Index(0, 3)]).AsTask());
        var e2 = await Assert.ThrowsAsync<SumDbException>(() => claiming.ReadHashesAsync([StoredHashes.Index(0, 3)]).AsTask());

        Assert.Equal(SumDbProblem.TileHashMismatch, e1.Problem);
        Assert.Equal(SumDbProblem.TileHashMismatch, e2.Problem);
        Assert.Contains("do not hash to the root of tree#61", e2.Message);
    }

    [Fact]
    public async Task An_index_outside_the_tree_is_a_caller_error()
    {
        var log = Log(10);
        var reader = await ReaderAsync(log, 10, new InMemoryTiles(log, Height));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => reader.ReadHashesAsync([StoredHashes.Index(0, 10)]).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => reader.ReadHashesAsync([-1]).AsTask());
    }

    private static byte[] Flip(byte[] data, int at)
    {
        var copy = (byte[])data.Clone();
        copy[at] ^= 0x01;
        return copy;
    }
}
