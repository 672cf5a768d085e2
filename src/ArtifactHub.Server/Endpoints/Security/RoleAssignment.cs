using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints.Security;

/// <summary>The roles a user is given, by name: they must exist, and <c>anonymous</c> is no user's role.</summary>
public static class RoleAssignment
{
    public sealed record Lookup(IReadOnlyList<Role> Found, IResult? Problem);

    public static async Task<Lookup> FindAsync(ArtifactHubDbContext db, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var distinct = names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = await db.Roles.Where(r => distinct.Contains(r.Name)).ToListAsync(cancellationToken);
        var problems = distinct
            .Where(n => !found.Any(r => string.Equals(r.Name, n, StringComparison.OrdinalIgnoreCase)))
            .Select(n => $"There is no role named '{n}'.")
            .ToList();
        if (found.Any(r => r.Name == Role.Anonymous))
        {
            problems.Add("The role 'anonymous' is what callers without credentials get; it cannot be given to a user.");
        }

        return problems.Count > 0
            ? new Lookup([], Results.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = [.. problems] }))
            : new Lookup(found, null);
    }

    /// <summary>Makes the user hold exactly <paramref name="roles"/>; answers what changed, e.g. <c>+admin -reader</c>.</summary>
    public static string Apply(User user, IReadOnlyList<Role> roles)
    {
        var removed = user.Roles.Where(ur => roles.All(r => r.Id != ur.RoleId)).ToList();
        var added = roles.Where(r => user.Roles.All(ur => ur.RoleId != r.Id)).ToList();
        foreach (var userRole in removed)
        {
            user.Roles.Remove(userRole);
        }

        user.Roles.AddRange(added.Select(r => new UserRole { UserId = user.Id, RoleId = r.Id, Role = r }));
        return string.Join(" ", added.Select(r => "+" + r.Name).Concat(removed.Select(ur => "-" + ur.Role?.Name)));
    }
}
