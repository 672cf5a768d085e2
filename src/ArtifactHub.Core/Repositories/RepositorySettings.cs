using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtifactHub.Core.Repositories;

/// <summary>What a hosted repository accepts.</summary>
public enum WritePolicy
{
    /// <summary>New content may be published; what is published never changes (the same bytes again are fine).</summary>
    AllowOnce,

    /// <summary>Nothing may be published or deleted.</summary>
    ReadOnly,

    /// <summary>Content may be published and replaced (raw files; Go versions are immutable, so Go refuses it).</summary>
    Allow,
}

public sealed record HostedSettings
{
    public WritePolicy WritePolicy { get; init; } = WritePolicy.AllowOnce;
}

/// <summary>Where a proxy repository fetches from, how long its metadata stays fresh, and what it may ask for.</summary>
public sealed record ProxySettings
{
    /// <summary>The upstream base URL (http or https, may carry a path), e.g. https://proxy.golang.org.</summary>
    public string Upstream { get; init; } = "";

    /// <summary>How long a fetched version list, @latest or query answer is served before it is fetched again.</summary>
    public int MetadataMaxAgeMinutes { get; init; } = 30;

    /// <summary>How long an upstream "not found" is remembered.</summary>
    public int NegativeCacheMinutes { get; init; } = 5;

    public int ConnectTimeoutSeconds { get; init; } = 10;

    /// <summary>The longest wait for upstream bytes (headers, then each read of the body).</summary>
    public int ReadTimeoutSeconds { get; init; } = 60;

    /// <summary>Path patterns (GOPRIVATE-style globs) that may be fetched; empty: all not blocked.</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];

    /// <summary>Path patterns that are never sent upstream (so private names do not leak to a public proxy).</summary>
    public IReadOnlyList<string> Block { get; init; } = [];

    /// <summary>
    /// Go: checksum databases answered under <c>sumdb/{name}/</c>, each forwarded to its URL. Null until the format
    /// fills in its default (Go: sum.golang.org; other formats have none). An empty list makes <c>supported</c> answer
    /// 404 for every name, so the go command asks the database itself.
    /// </summary>
    public IReadOnlyList<ChecksumDatabase>? ChecksumDatabases { get; init; }

    /// <summary>
    /// Raw: paths (globs over the whole path, <c>*</c> crossing slashes) fetched again when older than
    /// <see cref="MetadataMaxAgeMinutes"/>; every other file is cached forever. <c>*/</c> matches directory paths.
    /// </summary>
    public IReadOnlyList<string> MetadataPaths { get; init; } = [];

    /// <summary>
    /// Raw: when set (e.g. <c>.sha256</c>), every file fetched is checked against the SHA-256 in the upstream's file
    /// at its path plus this suffix, and refused when they differ or the checksum file is missing.
    /// </summary>
    public string? VerifySidecar { get; init; }

    /// <summary>Credentials sent to <see cref="Upstream"/> (and to nothing on another origin); null: none.</summary>
    public UpstreamAuthentication? Authentication { get; init; }
}

/// <summary>A checksum database (GOSUMDB name), the URL its requests are forwarded to, and the key its tree heads are signed with.</summary>
public sealed record ChecksumDatabase(string Name, string Url)
{
    /// <summary>sum.golang.org's verifier key, as the go command has it built in.</summary>
    public const string GoDefaultKey = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

    public static readonly ChecksumDatabase GoDefault = new("sum.golang.org", "https://sum.golang.org") { Key = GoDefaultKey };

    /// <summary>
    /// The database's verifier key (<c>name+hash+base64</c>, the value of GOSUMDB), which checks its signed tree heads
    /// (for transfer bundles and verification on fetch). Null: not known (sum.golang.org's is filled in).
    /// </summary>
    public string? Key { get; init; }

    /// <summary>How long a fetched <c>latest</c> (the newest signed tree head) is served before it is fetched again.</summary>
    public int LatestMaxAgeSeconds { get; init; } = 60;

    /// <summary>A host-like name (as GOSUMDB names are): letters, digits, dots and dashes, starting with a letter or digit.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= 253 } && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');
}

/// <summary>A group answers for its members, asked in this order.</summary>
public sealed record GroupSettings
{
    /// <summary>Names of member repositories of the same format, any type (groups included, without cycles).</summary>
    public IReadOnlyList<string> Members { get; init; } = [];
}

/// <summary>The typed settings of a repository, one part per type; only the part of its own type is kept.</summary>
public sealed record RepositorySettings
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public HostedSettings? Hosted { get; init; }

    public ProxySettings? Proxy { get; init; }

    public GroupSettings? Group { get; init; }

    public static RepositorySettings Read(Repository repository) => Parse(repository.Settings);

    public static RepositorySettings Parse(string json) => JsonSerializer.Deserialize<RepositorySettings>(json, Json) ?? new RepositorySettings();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Fills in defaults for the given type and drops the parts of other types.</summary>
    public RepositorySettings ForType(RepositoryType type) => type switch
    {
        RepositoryType.Hosted => new RepositorySettings { Hosted = Hosted ?? new HostedSettings() },
        RepositoryType.Proxy => new RepositorySettings { Proxy = Proxy ?? new ProxySettings() },
        RepositoryType.Group => new RepositorySettings { Group = Group ?? new GroupSettings() },
        _ => new RepositorySettings(),
    };
}
