namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// That the tree of N records holds the tree of an older size n as its prefix (RFC 6962 §2.1.2, "Merkle consistency
/// proof"; tlog's ProveTree and CheckTree): so a database that signed both never rewrote what it had published.
/// </summary>
public static class TreeProof
{
    /// <summary>The proof that the tree of <paramref name="size"/> records extends the one of <paramref name="oldSize"/> (1 ≤ old ≤ size).</summary>
    public static async ValueTask<IReadOnlyList<TlogHash>> ProveAsync(long size, long oldSize, IHashReader stored, CancellationToken cancellationToken = default)
    {
        if (oldSize < 1 || oldSize > size)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"a tree of {size} records cannot be proven to extend one of {oldSize}");
        }

        var (path, common) = Path(size, oldSize);
        var ranges = new List<List<long>>();
        if (common is { } c)
        {
            ranges.Add(SubTrees.Indexes(c.Lo, c.Hi));
        }

        for (var i = path.Count - 1; i >= 0; i--)
        {
            ranges.Add(SubTrees.Indexes(path[i].Lo, path[i].Hi));
        }

        var hashes = await stored.ReadHashesAsync([.. ranges.SelectMany(r => r)], cancellationToken).ConfigureAwait(false);
        var proof = new List<TlogHash>(ranges.Count);
        var taken = 0;
        foreach (var range in ranges)
        {
            proof.Add(SubTrees.Fold([.. hashes.Skip(taken).Take(range.Count)]));
            taken += range.Count;
        }

        return proof;
    }

    /// <summary>
    /// Whether <paramref name="proof"/> shows that the tree of <paramref name="size"/> records with root
    /// <paramref name="root"/> extends the tree of <paramref name="oldSize"/> records with root <paramref name="oldRoot"/>.
    /// </summary>
    public static bool Check(IReadOnlyList<TlogHash> proof, long size, TlogHash root, long oldSize, TlogHash oldRoot)
    {
        if (oldSize < 1 || oldSize > size)
        {
            return false;
        }

        var (path, common) = Path(size, oldSize);
        if (proof.Count != path.Count + (common is null ? 0 : 1))
        {
            return false;
        }

        // Walk back up from the common subtree, rebuilding the old tree's root and the new one's side by side.
        var next = 0;
        var start = common is null ? oldRoot : proof[next++];
        var (oldHash, newHash) = (start, start);
        for (var i = path.Count - 1; i >= 0; i--)
        {
            var sibling = proof[next++];
            if (!path[i].OldOnLeft)
            {
                oldHash = TlogHashing.NodeHash(sibling, oldHash);
                newHash = TlogHashing.NodeHash(sibling, newHash);
            }
            else
            {
                newHash = TlogHashing.NodeHash(newHash, sibling);
            }
        }

        return oldHash == oldRoot && newHash == root;
    }

    /// <summary>
    /// From the root down to where the old tree ends exactly at a subtree's right edge: at each split, the records
    /// [Lo, Hi) of the side not followed; then that subtree, unless it is the whole old tree (its root is known).
    /// </summary>
    private static (List<(long Lo, long Hi, bool OldOnLeft)> Path, (long Lo, long Hi)? Common) Path(long size, long oldSize)
    {
        var path = new List<(long, long, bool)>();
        var (lo, hi) = (0L, size);
        while (oldSize != hi)
        {
            var mid = lo + SubTrees.SplitPoint(hi - lo);
            if (oldSize <= mid)
            {
                path.Add((mid, hi, true));
                hi = mid;
            }
            else
            {
                path.Add((lo, mid, false));
                lo = mid;
            }
        }

        return (path, lo == 0 ? null : (lo, hi));
    }
}
