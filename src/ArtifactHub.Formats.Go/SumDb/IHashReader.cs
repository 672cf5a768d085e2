namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// Reads the log's stored hashes by their place (<see cref="StoredHashes.Index"/>): from a list the database keeps,
/// or from tiles authenticated against a signed root (<see cref="TileHashReader"/>).
/// </summary>
public interface IHashReader
{
    /// <summary>One hash per index, in the order asked; a <see cref="SumDbException"/> when they cannot be had or trusted.</summary>
    ValueTask<IReadOnlyList<TlogHash>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken = default);
}
