namespace ArtifactHub.Migrations.PostgreSql;

/// <summary>
/// The collations the shared model names, which PostgreSQL does not have under those names: SQLite's built-in
/// NOCASE and BINARY. Created by the migrations (their SQL is frozen there) and declared in the model by
/// <see cref="PostgreSqlModelCustomizer"/>, so that EnsureCreated makes the same schema.
/// </summary>
public static class PostgreSqlCollations
{
    /// <summary>Nondeterministic, ignores case (ICU strength 2): unique indexes and = ignore case; LIKE and substring searches refuse it.</summary>
    public const string NoCaseLocale = "und-u-ks-level2";

    /// <summary>Deterministic byte order, like "C"; a search can switch a NOCASE column to it (see UserQueries).</summary>
    public const string BinaryLocale = "C";
}
