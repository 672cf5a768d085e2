namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// That the tree of N records has record n (RFC 6962 §2.1.1, "Merkle audit path"; tlog's ProveRecord and CheckRecord):
/// the hashes of the subtrees beside the path from the leaf up to the root, the leaf's neighbour first.
/// </summary>
public static class RecordProof
{
    /// <summary>The proof for record <paramref name="n"/> in the tree of <paramref name="size"/> records, read from <paramref name="stored"/>.</summary>
    public static async ValueTask<IReadOnlyList<TlogHash>> ProveAsync(long size, long n, IHashReader stored, CancellationToken cancellationToken = default)
    {
        if (n < 0 || n >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(n), $"record {n} is not in a tree of {size} records");
        }

        var path = Path(size, n);
        var ranges = path.Select(step => SubTrees.Indexes(step.Lo, step.Hi)).ToList();
        var hashes = await stored.ReadHashesAsync([.. ranges.SelectMany(r => r)], cancellationToken).ConfigureAwait(false);

        var siblings = new List<TlogHash>(path.Count);
        var taken = 0;
        foreach (var range in ranges)
        {
            siblings.Add(SubTrees.Fold([.. hashes.Skip(taken).Take(range.Count)]));
            taken += range.Count;
        }

        siblings.Reverse();
        return siblings;
    }

    /// <summary>Whether <paramref name="proof"/> shows that the tree of <paramref name="size"/> records with root <paramref name="root"/> has <paramref name="recordHash"/> as record <paramref name="n"/>.</summary>
    public static bool Check(IReadOnlyList<TlogHash> proof, long size, TlogHash root, long n, TlogHash recordHash)
    {
        if (n < 0 || n >= size)
        {
            return false;
        }

        var path = Path(size, n);
        if (proof.Count != path.Count)
        {
            return false;
        }

        var hash = recordHash;
        for (var i = 0; i < path.Count; i++)
        {
            var step = path[path.Count - 1 - i];
            hash = step.RecordOnLeft ? TlogHashing.NodeHash(hash, proof[i]) : TlogHashing.NodeHash(proof[i], hash);
        }

        return hash == root;
    }

    /// <summary>From the root down to record n: at each split, the records [Lo, Hi) of the side the record is not on.</summary>
    private static List<(long Lo, long Hi, bool RecordOnLeft)> Path(long size, long n)
    {
        var path = new List<(long, long, bool)>();
        var (lo, hi) = (0L, size);
        while (hi - lo > 1)
        {
            var mid = lo + SubTrees.SplitPoint(hi - lo);
            if (n < mid)
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

        return path;
    }
}
