using ArtifactHub.Core.Repositories;
using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints;

/// <summary>Checks a group's members when it is saved: they exist, share its format, and no group contains itself.</summary>
public static class GroupMembership
{
    public static async Task<string[]> ProblemsAsync(ArtifactHubDbContext db, string groupName, string format, IReadOnlyList<string> members, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (members.Count == 0)
        {
            problems.Add("A group needs at least one member.");
        }

        var all = await db.Repositories.AsNoTracking().ToDictionaryAsync(r => r.Name, cancellationToken);
        var self = RepositoryName.Normalize(groupName);
        foreach (var name in members.Select(RepositoryName.Normalize))
        {
            if (!all.TryGetValue(name, out var member))
            {
                problems.Add($"Member '{name}' does not exist.");
            }
            else if (member.Format != format)
            {
                problems.Add($"Member '{name}' is a {member.Format} repository, not {format}.");
            }
            else if (name == self || Reaches(all, name, self, []))
            {
                problems.Add($"Member '{name}' would make a cycle: it contains '{self}'.");
            }
        }

        if (members.Select(RepositoryName.Normalize).Distinct().Count() != members.Count)
        {
            problems.Add("A member is listed twice.");
        }

        return [.. problems];
    }

    /// <summary>Whether <paramref name="from"/> contains <paramref name="target"/>, through groups, at any depth.</summary>
    private static bool Reaches(Dictionary<string, Repository> all, string from, string target, HashSet<string> seen)
    {
        if (!seen.Add(from) || !all.TryGetValue(from, out var repository) || repository.Type != RepositoryType.Group)
        {
            return false;
        }

        var members = RepositorySettings.Read(repository).Group?.Members ?? [];
        return members.Select(RepositoryName.Normalize).Any(m => m == target || Reaches(all, m, target, seen));
    }
}
