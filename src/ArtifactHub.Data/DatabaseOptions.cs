namespace ArtifactHub.Data;

/// <summary>Configuration section "ArtifactHub:Database". SQLite in the data folder unless told otherwise.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "ArtifactHub:Database";

    /// <summary>"Sqlite" (built in). PostgreSQL comes with its own provider project.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Empty: <c>{DataDir}/artifacthub.db</c>.</summary>
    public string? ConnectionString { get; set; }
}
