using ArtifactHub.Core.Repositories;
using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints;

/// <summary>Checks a group's members when it is saved: they exist, share its format, and no group contains itself.</summary>
public static class GroupMembership
{
    /// <param name="members">As the request's JSON holds them, where null may stand for the list or for a name.</param>
    public static async Task<string[]> ProblemsAsync(ArtifactHubDbContext db, string groupName, string format, IReadOnlyList<string?>? members, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        members ??= [];
        if (members.Count == 0)
        {
            problems.Add("A group needs at least one member.");
        }

        if (members.Any(string.IsNullOrEmpty))
        {
            problems.Add("A member's name may be neither null nor empty.");
        }

        var named = members.OfType<string>().Where(m => m.Length > 0).ToList();
        var all = await db.Repositories.AsNoTracking().ToDictionaryAsync(r => r.Name, cancellationToken);
        var self = RepositoryName.Normalize(groupName);
        foreach (var name in named.Select(RepositoryName.Normalize))
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

        if (named.Select(RepositoryName.Normalize).Distinct().Count() != named.Count)
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
