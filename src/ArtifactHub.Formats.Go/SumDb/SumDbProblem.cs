namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>What went wrong while reading or verifying checksum-database data: the first problem found.</summary>
public enum SumDbProblem
{
    /// <summary>Nothing: everything asked for was verified.</summary>
    None,

    /// <summary>A verifier or signer key is not <c>name+hash+base64</c> (or <c>PRIVATE+KEY+…</c>) as sumdb/note writes it.</summary>
    MalformedKey,

    /// <summary>A signed note is not text, a blank line and signature lines.</summary>
    MalformedNote,

    /// <summary>No signature on a note is by a trusted key (another database, or another key of the same name).</summary>
    UnknownKey,

    /// <summary>A signature by a trusted key does not verify: the text or the signature was changed.</summary>
    BadSignature,

    /// <summary>A signed note's text is not a tree head <c>go.sum database tree\nN\nroot\n</c>.</summary>
    MalformedTree,

    /// <summary>A lookup answer or a record is not what a database serves.</summary>
    MalformedRecord,

    /// <summary>The database (or the files standing in for it) has no such lookup, head or tile.</summary>
    NotFound,

    /// <summary>Reading failed for another reason (network, status, disk).</summary>
    FetchFailed,

    /// <summary>A tile's bytes are not W hashes of 32 bytes (truncated, or a tile of another width).</summary>
    TileSizeMismatch,

    /// <summary>The tiles do not hash up to the tree head's root, or a tile not to what its parent holds: a tile is wrong.</summary>
    TileHashMismatch,

    /// <summary>The record is not the one at its id in the tree (its hash differs, or the id is past the tree).</summary>
    RecordNotInTree,

    /// <summary>The record is for another module version than the one looked up.</summary>
    WrongRecord,

    /// <summary>A newer tree head does not hold an older one as its prefix: the database forked its log.</summary>
    InconsistentTrees,
}
