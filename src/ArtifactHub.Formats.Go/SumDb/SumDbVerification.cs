namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>What <see cref="SumDbVerifier"/> verified, or the first problem it found (<see cref="Problem"/>, <see cref="Message"/>).</summary>
public sealed record SumDbVerification
{
    public SumDbProblem Problem { get; init; }

    /// <summary>What was verified, or what is wrong and where.</summary>
    public required string Message { get; init; }

    public bool IsVerified => Problem == SumDbProblem.None;

    /// <summary>The signed head that came with the answer (<c>latest</c>, or the one after a lookup's record), once its signature checked.</summary>
    public SignedTreeHead? Head { get; init; }

    /// <summary>The newest head proven so far (this one or the older head given, if larger): the one to keep, as the go command keeps <c>latest</c>.</summary>
    public SignedTreeHead? Newest { get; init; }

    /// <summary>The looked-up record's id in the log.</summary>
    public long? RecordId { get; init; }

    /// <summary>The looked-up record, once proven to be in <see cref="Newest"/>.</summary>
    public GoSumRecord? Record { get; init; }

    /// <summary>The database paths read, in order: what a copy of the database must hold for the same verification.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    public override string ToString() => IsVerified ? $"verified: {Message}" : $"{Problem}: {Message}";
}
