using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtifactHub.Core.Repositories;

/// <summary>What a hosted repository accepts. Go versions are immutable whatever the policy.</summary>
public enum WritePolicy
{
    /// <summary>New versions may be published; a published version never changes.</summary>
    AllowOnce,

    /// <summary>Nothing may be published or deleted.</summary>
    ReadOnly,
}

public sealed record HostedSettings
{
    public WritePolicy WritePolicy { get; init; } = WritePolicy.AllowOnce;
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

    public static RepositorySettings Read(Repository repository) =>
        JsonSerializer.Deserialize<RepositorySettings>(repository.Settings, Json) ?? new RepositorySettings();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Fills in defaults for the given type and drops the parts of other types.</summary>
    public RepositorySettings ForType(RepositoryType type) => type switch
    {
        RepositoryType.Hosted => new RepositorySettings { Hosted = Hosted ?? new HostedSettings() },
        _ => new RepositorySettings(),
    };
}
