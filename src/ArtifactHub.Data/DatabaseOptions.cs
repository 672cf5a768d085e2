namespace ArtifactHub.Data;

/// <summary>Configuration section "ArtifactHub:Database". SQLite in the data folder unless told otherwise.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "ArtifactHub:Database";

    /// <summary>"Sqlite" (the default) or "PostgreSql"; case does not matter.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Empty with SQLite: <c>{DataDir}/artifacthub.db</c>. Required with PostgreSQL.</summary>
    public string? ConnectionString { get; set; }
}
