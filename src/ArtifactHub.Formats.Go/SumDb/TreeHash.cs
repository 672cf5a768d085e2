namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>The root hash of the tree of the first N records, from the stored hashes of its complete subtrees (tlog's TreeHash).</summary>
public static class TreeHash
{
    /// <summary>The stored hashes the root of a tree of <paramref name="size"/> records is folded from (at most 1 + log₂ N).</summary>
    public static IReadOnlyList<long> Indexes(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return SubTrees.Indexes(0, size);
    }

    /// <summary>The root of the tree of <paramref name="size"/> records; the empty tree's is all zero.</summary>
    public static async ValueTask<TlogHash> ComputeAsync(long size, IHashReader stored, CancellationToken cancellationToken = default)
    {
        if (size == 0)
        {
            return TlogHash.Zero;
        }

        var hashes = await stored.ReadHashesAsync(Indexes(size), cancellationToken).ConfigureAwait(false);
        return SubTrees.Fold(hashes);
    }
}
