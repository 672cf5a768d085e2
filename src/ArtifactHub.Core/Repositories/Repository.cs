namespace ArtifactHub.Core.Repositories;

/// <summary>A repository is a database row; its format and type pick the handler that answers its requests.</summary>
public sealed class Repository
{
    public int Id { get; set; }

    /// <summary>Lower case, see <see cref="RepositoryName"/>; unique.</summary>
    public required string Name { get; set; }

    public required string Format { get; set; }

    public RepositoryType Type { get; set; }

    /// <summary>An offline repository answers nothing on its content URL (503).</summary>
    public bool Online { get; set; } = true;

    /// <summary>Off: callers without credentials cannot read it, whatever the anonymous role holds.</summary>
    public bool AnonymousRead { get; set; } = true;

    /// <summary>Per-type settings as JSON (<see cref="RepositorySettings"/>).</summary>
    public string Settings { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
