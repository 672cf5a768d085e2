namespace ArtifactHub.Data;

/// <summary>
/// Collation names the model uses, chosen to be SQLite's built-in ones; every other provider creates collations
/// under these names in its own migrations (PostgreSQL: see ArtifactHub.Migrations.PostgreSql).
/// </summary>
public static class Collations
{
    /// <summary>
    /// User and role names are unique without regard to case, and every comparison with them ignores case too
    /// (<c>u.UserName == name</c> finds "Admin" for "admin"). SQLite's NOCASE folds ASCII only, which is all
    /// <c>UserNameRule</c> allows. PostgreSQL's is a nondeterministic ICU collation, which refuses LIKE and substring
    /// search: a search switches the column to <see cref="Ordinal"/> first (see <see cref="UserQueries"/>).
    /// </summary>
    public const string CaseInsensitive = "NOCASE";

    /// <summary>Plain code-point order, the default for text everywhere except the columns above.</summary>
    public const string Ordinal = "BINARY";
}
