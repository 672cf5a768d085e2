using System.Numerics;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// Where the log keeps its hashes: every node of the tree at (level, n), n counted from the left within its level,
/// has one place in a single sequence, written the moment the node is complete (Crosby and Wallach §3.3; tlog's
/// StoredHashIndex). Record n's leaf comes right after all the hashes of the first n records, and each record that
/// completes subtrees is followed by their hashes, lowest first.
/// </summary>
public static class StoredHashes
{
    /// <summary>
    /// How many hashes the first <paramref name="records"/> records leave behind: 2n − popcount(n) (each record adds
    /// its leaf, and each subtree it completes adds one more).
    /// </summary>
    public static long Count(long records)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(records);
        return 2 * records - BitOperations.PopCount((ulong)records);
    }

    /// <summary>The place of node (level, n): just after the leaf of the subtree's last record, plus its level.</summary>
    public static long Index(int level, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var lastRecord = ((n + 1) << level) - 1;
        return Count(lastRecord) + level;
    }

    /// <summary>The (level, n) of a place: the inverse of <see cref="Index"/>.</summary>
    public static (int Level, long N) Split(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);

        // Find the record whose leaf is at or before the index and whose successor's is after it: Count(r) ≤ index.
        // Count(r) ≤ 2r, so the walk can start at index/2; it takes at most log₂(index) steps.
        var record = index / 2;
        while (Count(record + 1) <= index)
        {
            record++;
        }

        var level = (int)(index - Count(record));
        return (level, record >> level);
    }

    /// <summary>
    /// The hashes to append when record <paramref name="n"/> (with leaf hash <paramref name="recordHash"/>) is added
    /// after n records: its leaf, then one node per subtree it completes. They go at <c>Index(0, n)</c> onwards.
    /// </summary>
    public static async ValueTask<IReadOnlyList<TlogHash>> ForRecordAsync(long n, TlogHash recordHash, IHashReader stored, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);

        // Each trailing 1 bit of n completes a subtree whose left half is already stored.
        var completed = BitOperations.TrailingZeroCount(~(ulong)n);
        var leftHalves = new long[completed];
        for (var level = 0; level < completed; level++)
        {
            leftHalves[level] = Index(level, (n >> level) - 1);
        }

        var left = await stored.ReadHashesAsync(leftHalves, cancellationToken).ConfigureAwait(false);
        var hashes = new List<TlogHash>(completed + 1) { recordHash };
        var node = recordHash;
        for (var level = 0; level < completed; level++)
        {
            node = TlogHashing.NodeHash(left[level], node);
            hashes.Add(node);
        }

        return hashes;
    }
}
