using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Formats.Go.Tests.SumDb;

/// <summary>Tile coordinates and their paths (tlog's Tile, Path and ParseTilePath).</summary>
public sealed class TileTests
{
    public static TheoryData<string, int, int, long, int> Paths => new()
    {
        { "tile/8/0/000", 8, 0, 0, 256 },
        { "tile/8/0/000.p/1", 8, 0, 0, 1 },
        { "tile/8/0/999.p/255", 8, 0, 999, 255 },
        { "tile/8/1/x001/000", 8, 1, 1000, 256 },
        { "tile/8/0/x001/234", 8, 0, 1234, 256 },
        { "tile/8/0/x001/234.p/5", 8, 0, 1234, 5 },
        { "tile/3/4/x001/x234/067.p/1", 3, 4, 1234067, 1 },
        { "tile/8/data/000.p/3", 8, -1, 0, 3 },
        { "tile/8/data/x123/x456/789", 8, -1, 123456789, 256 },
        { "tile/2/63/x009/x223/x372/x036/x854/x775/807", 2, 63, long.MaxValue, 4 },
        { "tile/30/0/000.p/1073741823", 30, 0, 0, (1 << 30) - 1 },
        { "tile/1/0/000.p/1", 1, 0, 0, 1 },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_tile_path_parses_to_its_coordinates_and_they_format_back_to_it(string path, int height, int level, long number, int width)
    {
        var tile = Tile.Parse(path);

        Assert.Equal(new Tile(height, level, number, width), tile);
        Assert.Equal(path, tile.Path);
        Assert.Equal(width == 1 << height, tile.IsFull);
        Assert.Equal(level == -1, tile.IsData);
        Assert.Equal(path.Split(".p/")[0], tile.Full.Path);
    }

    [Theory]
    [InlineData("tile/8/0/0")]
    [InlineData("tile/8/0/0000")]
    [InlineData("tile/8/0/x000/123")]
    [InlineData("tile/8/0/x001/x000")]
    [InlineData("tile/8/0/001/x234")]
    [InlineData("tile/8/0/000.p/256")]
    [InlineData("tile/8/0/000.p/0")]
    [InlineData("tile/8/0/000.p/05")]
    [InlineData("tile/8/0/000.p/")]
    [InlineData("tile/8/0/000.p")]
    [InlineData("tile/08/0/000")]
    [InlineData("tile/8/01/000")]
    [InlineData("tile/8/64/000")]
    [InlineData("tile/8/-1/000")]
    [InlineData("tile/0/0/000")]
    [InlineData("tile/31/0/000")]
    [InlineData("tile/8/0")]
    [InlineData("tile/8/0/")]
    [InlineData("/tile/8/0/000")]
    [InlineData("tile/8/0/000/")]
    [InlineData("tile/8/0/+00")]
    [InlineData("tile/8/0/x9223372036854775808/000")]
    [InlineData("tile/2/64/x009/x223/x372/x036/x854/x775/808")]
    [InlineData("tile/8/data/000.p/256")]
    [InlineData("sumdb/tile/8/0/000")]
    public void Anything_but_the_one_path_tlog_writes_for_a_tile_is_refused(string path)
    {
        Assert.Null(Tile.TryParse(path));
        Assert.Throws<FormatException>(() => Tile.Parse(path));
    }

    [Fact]
    public async Task The_tile_of_an_index_holds_it_and_a_wider_tile_of_the_same_place_gives_the_same_hash()
    {
        var log = new StoredHashList();
        for (var i = 0; i < 40; i++)
        {
            log.Append([.. "record "u8, (byte)i, (byte)'\n']);
        }

        for (var index = 0L; index < log.Hashes.Count; index++)
        {
            var tile = Tile.ForIndex(2, index);
            if (tile.Full.StoredHashIndexes()[^1] >= log.Hashes.Count)
            {
                continue;
            }

            var data = (await log.ReadHashesAsync(tile.Full.StoredHashIndexes())).SelectMany(h => h.ToArray()).ToArray();

            Assert.Equal(log.Hashes[(int)index], tile.HashAt(data.AsSpan(0, tile.HashBytes), index));
            Assert.Equal(log.Hashes[(int)index], tile.Full.HashAt(data, index));
        }
    }

    [Fact]
    public void A_tile_too_narrow_or_elsewhere_or_too_short_cannot_give_a_hash()
    {
        var data = new byte[4 * 32];

        // Stored hash 4 is record 3, the 4th hash of tile/2/0/000.
        Assert.Contains("is in tile/2/0/000, not in tile/2/0/000.p/3", Assert.Throws<ArgumentException>(() => new Tile(2, 0, 0, 3).HashAt(data, 4)).Message);
        Assert.Contains("not in tile/2/0/001", Assert.Throws<ArgumentException>(() => new Tile(2, 0, 1, 4).HashAt(data, 4)).Message);
        Assert.Contains("too few", Assert.Throws<ArgumentException>(() => new Tile(2, 0, 0, 4).HashAt(data.AsSpan(1), 4)).Message);
        Assert.Throws<InvalidOperationException>(() => new Tile(2, -1, 0, 4).HashAt(data, 4));
    }
}
