using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Content;

namespace ArtifactHub.Core.Proxy;

/// <summary>
/// One file a proxy repository serves from its cache, as its format describes it to the proxy engine: where it is kept,
/// where the upstream has it, how long a copy is good for, and how to check what was fetched.
/// </summary>
/// <param name="AssetPath">Where the copy is kept in the repository (the format's stored path).</param>
/// <param name="Kind">What the format calls it (its asset kinds).</param>
/// <param name="ContentType">The content type it is served with.</param>
/// <param name="UpstreamPath">Its path under <see cref="UpstreamBaseUrl"/> (the repository's upstream unless set).</param>
public sealed record ProxiedFile(string AssetPath, string Kind, string ContentType, string UpstreamPath)
{
    /// <summary>The largest file fetched unless the format says otherwise.</summary>
    public const long DefaultMaxBytes = 16L << 20;

    /// <summary>Null: kept forever once fetched. Otherwise fetched again once the copy is older than this.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>Another base URL than the repository's upstream (Go: a checksum database). Credentials never go there.</summary>
    public string? UpstreamBaseUrl { get; init; }

    /// <summary>A larger upstream answer is refused (502) and nothing is kept.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// What the repository's allow/block rules are matched against (Go: the module path; raw: the file's path); null:
    /// the rules do not apply (a checksum-database tile names no module).
    /// </summary>
    public string? RuleSubject { get; init; }

    /// <summary>The component the file belongs to (Go: module and version of a .zip/.mod/.info); immutable files only.</summary>
    public ComponentKey? Component { get; init; }

    /// <summary>
    /// Checks a fetched file before it is kept (Go: zip rules and h1:; raw: the upstream's checksum file). Runs in the
    /// fetch, which outlives the request that started it: it must not use that request's services.
    /// </summary>
    public Func<StagedFile, CancellationToken, Task<FetchVerdict>>? Check { get; init; }

    /// <summary>A full GET of it counts as a download of <see cref="Component"/> (Go: the .zip).</summary>
    public bool CountsAsDownload { get; init; }

    /// <summary>
    /// Kept as the upstream sent it, Content-Encoding and all (raw: a file is its bytes, as curl and wget fetch them);
    /// otherwise compression is asked for and decoded, as the go command does.
    /// </summary>
    public bool Undecoded { get; init; }

    public bool IsImmutable => MaxAge is null;
}

/// <summary>What a format's check said of a fetched file.</summary>
public abstract record FetchVerdict
{
    /// <summary>Keep it, with the format's own checksum if it has one.</summary>
    public sealed record Accepted(string? FormatHash) : FetchVerdict;

    /// <summary>Refuse it: nothing is kept, and the client gets a 502 with this message.</summary>
    public sealed record Refused(string Message) : FetchVerdict;

    public static readonly FetchVerdict Accept = new Accepted(null);
}
