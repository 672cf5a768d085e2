using System.Numerics;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// The complete subtrees a range of records [lo, hi) splits into, largest first (RFC 6962 §2.1): a tree whose size is
/// not a power of two is the fold, from the right, of the roots of those subtrees.
/// </summary>
internal static class SubTrees
{
    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2): where RFC 6962 splits a tree of n leaves.</summary>
    public static long SplitPoint(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    /// <summary>The (level, first index) of each complete subtree of [lo, hi), left to right.</summary>
    public static List<(int Level, long N)> Of(long lo, long hi)
    {
        var subtrees = new List<(int, long)>();
        while (lo < hi)
        {
            // The largest power of two that fits in what is left; lo is always a multiple of it.
            var level = 63 - BitOperations.LeadingZeroCount((ulong)(hi - lo));
            subtrees.Add((level, lo >> level));
            lo += 1L << level;
        }

        return subtrees;
    }

    /// <summary>The stored-hash indexes of <see cref="Of"/>.</summary>
    public static List<long> Indexes(long lo, long hi) => [.. Of(lo, hi).Select(s => StoredHashes.Index(s.Level, s.N))];

    /// <summary>The hash of [lo, hi) from the hashes of its subtrees, in <see cref="Of"/>'s order.</summary>
    public static TlogHash Fold(IReadOnlyList<TlogHash> subtreeHashes)
    {
        var hash = subtreeHashes[^1];
        for (var i = subtreeHashes.Count - 2; i >= 0; i--)
        {
            hash = TlogHashing.NodeHash(subtreeHashes[i], hash);
        }

        return hash;
    }
}
