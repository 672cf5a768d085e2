namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// Reads one file of a checksum database by its path under the database's URL (<c>latest</c>,
/// <c>lookup/M@V</c>, <c>tile/8/0/000.p/5</c>), live or from files kept on disk; null when the database has no such
/// file (404 or 410, no file). Any other failure is an exception. Nothing read is trusted until verified.
/// </summary>
public delegate Task<byte[]?> SumDbFetch(string path, CancellationToken cancellationToken);
