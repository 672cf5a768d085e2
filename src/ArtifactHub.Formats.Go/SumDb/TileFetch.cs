namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// Fetches a hash tile's bytes, trusted or not (the reader authenticates them). A tile that cannot be had is a
/// <see cref="SumDbException"/> (<see cref="SumDbProblem.NotFound"/>).
/// </summary>
public delegate Task<byte[]> TileFetch(Tile tile, CancellationToken cancellationToken);
