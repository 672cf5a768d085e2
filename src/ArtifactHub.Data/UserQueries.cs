using ArtifactHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data;

public static class UserQueries
{
    /// <summary>
    /// Users whose name, display name or e-mail contains <paramref name="search"/>, ignoring case, on every provider.
    /// Lower-casing both sides instead of LIKE: LIKE ignores case on SQLite but not on PostgreSQL, and PostgreSQL
    /// refuses substring search on the case-insensitive user-name collation, so that column is read as ordinal first.
    /// </summary>
    public static IQueryable<User> Matching(this IQueryable<User> users, string search)
    {
        var lower = search.Trim().ToLowerInvariant();
        return users.Where(u =>
            EF.Functions.Collate(u.UserName, Collations.Ordinal).ToLower().Contains(lower)
            || (u.DisplayName != null && u.DisplayName.ToLower().Contains(lower))
            || (u.Email != null && u.Email.ToLower().Contains(lower)));
    }
}
