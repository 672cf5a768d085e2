namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>Checksum-database data that cannot be read or trusted, saying which <see cref="SumDbProblem"/> it is.</summary>
public sealed class SumDbException(SumDbProblem problem, string message, Exception? inner = null) : Exception(message, inner)
{
    public SumDbProblem Problem { get; } = problem;
}
