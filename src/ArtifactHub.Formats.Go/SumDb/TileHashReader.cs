namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// Reads stored hashes of the tree <see cref="Tree"/> from tiles, and returns them only once they are proven to be that
/// tree's (tlog's TileHashReader; https://research.swtch.com/tlog#authenticating_tiles). The tiles at the tree's right
/// edge, which hold its complete subtrees, must hash up to the signed root; every other tile is a full one whose hash
/// must be the one its parent tile holds, and a chain of parents always reaches a tile of the first kind.
/// </summary>
public sealed class TileHashReader : IHashReader
{
    private readonly TileFetch _fetch;

    public TileHashReader(TreeHead tree, int height, TileFetch fetch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, Tile.MinHeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, Tile.MaxHeight);
        Tree = tree;
        Height = height;
        _fetch = fetch;
    }

    public TreeHead Tree { get; }

    public int Height { get; }

    public async ValueTask<IReadOnlyList<TlogHash>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken = default)
    {
        var end = StoredHashes.Index(0, Tree.Size);
        foreach (var index in indexes)
        {
            if (index < 0 || index >= end)
            {
                throw new ArgumentOutOfRangeException(nameof(indexes), $"stored hash {index} is not in {Tree}");
            }
        }

        if (indexes.Count == 0)
        {
            return [];
        }

        var (plan, planned, checkedByRoot) = Plan(indexes);
        var rootSubtrees = TreeHash.Indexes(Tree.Size);
        var data = new byte[plan.Count][];
        for (var i = 0; i < plan.Count; i++)
        {
            data[i] = await _fetch(plan[i], cancellationToken).ConfigureAwait(false);
            if (data[i].Length != plan[i].HashBytes)
            {
                throw new SumDbException(
                    SumDbProblem.TileSizeMismatch,
                    $"tile {plan[i].Path} has {data[i].Length} bytes; {plan[i].Width} hashes are {plan[i].HashBytes}");
            }
        }

        var root = SubTrees.Fold([.. rootSubtrees.Select(index => HashFrom(index))]);
        if (root != Tree.Root)
        {
            throw new SumDbException(
                SumDbProblem.TileHashMismatch,
                $"downloaded inconsistent tile: {string.Join(", ", plan.Take(checkedByRoot).Select(t => t.Path))} do not hash to the root of {Tree}");
        }

        for (var i = checkedByRoot; i < plan.Count; i++)
        {
            var parent = ParentOf(plan[i]);
            var expected = parent.HashAt(data[planned[parent]], StoredHashes.Index(parent.Level * Height, plan[i].Number));
            if (Tile.HashOf(data[i]) != expected)
            {
                throw new SumDbException(
                    SumDbProblem.TileHashMismatch,
                    $"downloaded inconsistent tile: {plan[i].Path} does not hash to what {parent.Path} holds for it in {Tree}");
            }
        }

        return [.. indexes.Select(index => HashFrom(index))];

        TlogHash HashFrom(long index)
        {
            var tile = TileOf(index);
            return tile.HashAt(data[planned[tile]], index);
        }
    }

    /// <summary>
    /// The tiles this reader fetches to return <paramref name="indexes"/>, in order: what a server (or a bundle) must
    /// be able to serve for them.
    /// </summary>
    public IReadOnlyList<Tile> TilesFor(IReadOnlyList<long> indexes) => Plan(indexes).Tiles;

    /// <summary>
    /// First the tiles of the root's complete subtrees (<c>CheckedByRoot</c> of them), then for each index the tiles
    /// from its own up to one already planned, parents before children: each tile can then be checked against the root
    /// or against a tile checked before it.
    /// </summary>
    private (List<Tile> Tiles, Dictionary<Tile, int> Positions, int CheckedByRoot) Plan(IReadOnlyList<long> indexes)
    {
        var tiles = new List<Tile>();
        var positions = new Dictionary<Tile, int>();
        foreach (var index in TreeHash.Indexes(Tree.Size))
        {
            Add(TileOf(index));
        }

        var checkedByRoot = tiles.Count;
        foreach (var index in indexes)
        {
            var chain = new Stack<Tile>();
            for (var tile = TileOf(index); !positions.ContainsKey(tile); tile = ParentOf(tile))
            {
                chain.Push(tile);
            }

            while (chain.TryPop(out var tile))
            {
                Add(tile);
            }
        }

        return (tiles, positions, checkedByRoot);

        void Add(Tile tile)
        {
            if (positions.TryAdd(tile, tiles.Count))
            {
                tiles.Add(tile);
            }
        }
    }

    /// <summary>The tile of this tree holding stored hash <paramref name="index"/>, as wide as the tree makes it.</summary>
    private Tile TileOf(long index) => InTree(Tile.Locate(Height, index).Tile);

    /// <summary>The tile one level up whose hash row holds <paramref name="tile"/>'s subtree root.</summary>
    private Tile ParentOf(Tile tile)
    {
        if (!tile.IsFull || tile.Level >= Tile.MaxLevel)
        {
            // Only a full tile's subtree is complete, so only a full tile has its hash in a parent.
            throw new InvalidOperationException($"bad math in TileHashReader: {tile.Path} of {Tree} has no parent");
        }

        return InTree(new Tile(Height, tile.Level + 1, tile.Number >> Height, 1 << Height));
    }

    /// <summary><paramref name="tile"/> as wide as the tree makes it: full, or partial at the right edge.</summary>
    private Tile InTree(Tile tile)
    {
        var hashesAtLevel = Tile.ShiftRight(Tree.Size, tile.Level * Height);
        var width = Math.Min(1L << Height, hashesAtLevel - (tile.Number << Height));
        return width >= 1 ? tile with { Width = (int)width } : throw new InvalidOperationException($"bad math in TileHashReader: tile {tile} is past {Tree}");
    }
}
