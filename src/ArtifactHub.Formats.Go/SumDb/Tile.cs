using System.Globalization;
using System.Text;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// A tile of the log (tlog's Tile; https://research.swtch.com/tlog#tiling_a_log): the <see cref="Width"/> consecutive
/// hashes of level <see cref="Height"/>·<see cref="Level"/> of the tree starting at the <see cref="Number"/>·2^H'th,
/// that is, the bottom row of a subtree of height H. A full tile has 2^H hashes; a partial one, at the right edge of
/// the tree, fewer. Level -1 is a data tile: the records themselves. Its path is <c>tile/H/L/NNN[.p/W]</c>, with N in
/// 3-digit groups all but the last prefixed with x (<c>x001/x234/067</c>) and <c>data</c> for level -1.
/// </summary>
public readonly record struct Tile(int Height, int Level, long Number, int Width)
{
    public const int MinHeight = 1;

    public const int MaxHeight = 30;

    /// <summary>Levels go up to 63: more would be past the hashes of 2^63 records.</summary>
    public const int MaxLevel = 63;

    /// <summary>The level of data tiles.</summary>
    public const int DataLevel = -1;

    /// <summary>sum.golang.org's tile height, and the go command's.</summary>
    public const int DefaultHeight = 8;

    public bool IsData => Level == DataLevel;

    public bool IsFull => Width == 1 << Height;

    /// <summary>The full tile this one is the start of.</summary>
    public Tile Full => this with { Width = 1 << Height };

    /// <summary>How many bytes a hash tile of this width holds (data tiles hold records, of no fixed size).</summary>
    public int HashBytes => Width * TlogHash.Size;

    /// <summary>Whether the numbers are in range: 1 ≤ H ≤ 30, -1 ≤ L ≤ 63, N ≥ 0, 1 ≤ W ≤ 2^H.</summary>
    public bool IsValid => Height is >= MinHeight and <= MaxHeight && Level is >= DataLevel and <= MaxLevel && Number >= 0 && Width >= 1 && Width <= 1 << Height;

    /// <summary>The path under the database's URL, e.g. <c>tile/8/0/x001/234.p/5</c>.</summary>
    public string Path
    {
        get
        {
            if (!IsValid)
            {
                throw new InvalidOperationException($"invalid tile H={Height} L={Level} N={Number} W={Width}");
            }

            var path = new StringBuilder("tile/").Append(CultureInfo.InvariantCulture, $"{Height}/");
            path.Append(IsData ? "data" : Level.ToString(CultureInfo.InvariantCulture)).Append('/');
            var groups = new List<long>();
            for (var n = Number; ; n /= 1000)
            {
                groups.Add(n % 1000);
                if (n < 1000)
                {
                    break;
                }
            }

            for (var i = groups.Count - 1; i >= 0; i--)
            {
                path.Append(i > 0 ? "x" : "").Append(groups[i].ToString("000", CultureInfo.InvariantCulture)).Append(i > 0 ? "/" : "");
            }

            if (!IsFull)
            {
                path.Append(CultureInfo.InvariantCulture, $".p/{Width}");
            }

            return path.ToString();
        }
    }

    public override string ToString() => IsValid ? Path : $"Tile {{ H = {Height}, L = {Level}, N = {Number}, W = {Width} }}";

    /// <summary>Parses a tile path; only the one way <see cref="Path"/> writes each tile is accepted.</summary>
    public static Tile? TryParse(string path)
    {
        var parts = path.Split('/');
        if (parts.Length < 4 || parts[0] != "tile" || !TryParseSmall(parts[1], out var height) || height is < MinHeight or > MaxHeight)
        {
            return null;
        }

        int level;
        if (parts[2] == "data")
        {
            level = DataLevel;
        }
        else if (!TryParseSmall(parts[2], out level) || level > MaxLevel)
        {
            return null;
        }

        var width = 1 << height;
        var groups = parts[3..];
        if (groups.Length >= 2 && groups[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryParseSmall(groups[^1], out width) || width < 1 || width >= 1 << height)
            {
                return null;
            }

            groups = [.. groups[..^2], groups[^2][..^2]];
        }

        var number = 0L;
        foreach (var group in groups)
        {
            var digits = group.StartsWith('x') ? group[1..] : group;
            if (digits.Length != 3 || !digits.All(char.IsAsciiDigit))
            {
                return null;
            }

            var value = int.Parse(digits, CultureInfo.InvariantCulture);
            if (number > (long.MaxValue - value) / 1000)
            {
                return null;
            }

            number = number * 1000 + value;
        }

        var tile = new Tile(height, level, number, width);
        return tile.Path == path ? tile : null;
    }

    /// <summary>Parses a tile path; a <see cref="FormatException"/> when it is not one.</summary>
    public static Tile Parse(string path) => TryParse(path) ?? throw new FormatException($"malformed tile path \"{path}\"");

    /// <summary>
    /// The tile of height <paramref name="height"/> and least width holding stored hash <paramref name="index"/>
    /// (tlog's TileForIndex): a hash of level ℓ is in the tiles of level ⌊ℓ/H⌋, as the hash of the
    /// 2^(ℓ mod H) hashes of the tile it covers.
    /// </summary>
    public static Tile ForIndex(int height, long index)
    {
        if (height is < MinHeight or > MaxHeight)
        {
            throw new ArgumentOutOfRangeException(nameof(height), $"tile height {height} is not between {MinHeight} and {MaxHeight}");
        }

        var (tile, _, _) = Locate(height, index);
        return tile;
    }

    /// <summary>The hash at stored index <paramref name="index"/>, computed from this tile's bytes (tlog's HashFromTile).</summary>
    public TlogHash HashAt(ReadOnlySpan<byte> data, long index)
    {
        if (!IsValid || IsData)
        {
            throw new InvalidOperationException($"{this} is not a hash tile");
        }

        if (data.Length < HashBytes)
        {
            throw new ArgumentException($"{data.Length} bytes are too few for {Path} ({HashBytes})", nameof(data));
        }

        var (needed, start, count) = Locate(Height, index);
        if (needed.Level != Level || needed.Number != Number || needed.Width > Width)
        {
            throw new ArgumentException($"stored hash {index} is in {needed.Path}, not in {Path}", nameof(index));
        }

        return HashOf(data.Slice(start * TlogHash.Size, count * TlogHash.Size));
    }

    /// <summary>The stored-hash indexes of this hash tile's hashes, left to right: what a database reads to serve it (tlog's ReadTileData).</summary>
    public IReadOnlyList<long> StoredHashIndexes()
    {
        if (!IsValid || IsData)
        {
            throw new InvalidOperationException($"{this} is not a hash tile");
        }

        var (level, first) = (Level * Height, Number << Height);
        return [.. Enumerable.Range(0, Width).Select(i => StoredHashes.Index(level, first + i))];
    }

    /// <summary>
    /// Where stored hash <paramref name="index"/> lives: the tile of least width, and the hashes of that tile, from
    /// <c>Start</c>, <c>Count</c> of them (a power of two), that hash up to it.
    /// </summary>
    internal static (Tile Tile, int Start, int Count) Locate(int height, long index)
    {
        var (level, n) = StoredHashes.Split(index);
        var tileLevel = level / height;
        var within = level - tileLevel * height;
        var first = n << within;
        var number = first >> height;
        var start = (int)(first - (number << height));
        var count = 1 << within;
        return (new Tile(height, tileLevel, number, start + count), start, count);
    }

    /// <summary>The root of the subtree whose bottom row is these 2^k hashes.</summary>
    internal static TlogHash HashOf(ReadOnlySpan<byte> hashes)
    {
        if (hashes.Length == TlogHash.Size)
        {
            return TlogHash.FromBytes(hashes);
        }

        var half = hashes.Length / 2;
        return TlogHashing.NodeHash(HashOf(hashes[..half]), HashOf(hashes[half..]));
    }

    /// <summary>The tiles a database publishes when its tree grows from <paramref name="oldSize"/> to <paramref name="newSize"/> records (tlog's NewTiles): the full tiles completed, and every partial width in between.</summary>
    public static IReadOnlyList<Tile> Published(int height, long oldSize, long newSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, MinHeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaxHeight);
        var tiles = new List<Tile>();
        for (var level = 0; level <= MaxLevel && ShiftRight(newSize, height * level) > 0; level++)
        {
            var oldCount = ShiftRight(oldSize, height * level);
            var newCount = ShiftRight(newSize, height * level);
            for (var n = oldCount >> height; n < newCount >> height; n++)
            {
                tiles.Add(new Tile(height, level, n, 1 << height));
            }

            var last = newCount >> height;
            var maxWidth = (int)(newCount - (last << height));
            var minWidth = oldCount > last << height ? (int)(oldCount - (last << height)) : 1;
            for (var width = minWidth; width <= maxWidth; width++)
            {
                tiles.Add(new Tile(height, level, last, width));
            }
        }

        return tiles;
    }

    /// <summary>The number of hashes of level <paramref name="bits"/> in a tree of n records; 0 past the top (a C# shift would wrap at 64).</summary>
    internal static long ShiftRight(long n, int bits) => bits >= 63 ? 0 : n >> bits;

    /// <summary>A decimal int without a sign (leading zeros are refused by the round trip through <see cref="Path"/>).</summary>
    private static bool TryParseSmall(string text, out int value)
    {
        value = 0;
        return text.Length is > 0 and <= 10 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
