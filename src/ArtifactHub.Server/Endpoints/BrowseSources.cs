using ArtifactHub.Core.Repositories;
using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints;

/// <summary>
/// Whose content a browse of a repository shows: its own, or for a group its members', in member order, a member group
/// expanded in place and each repository taken once (the first member that holds a module or version wins, as for the go
/// command). Browsing reads only what is stored: it never asks a proxy's upstream.
/// </summary>
public static class BrowseSources
{
    public static async Task<IReadOnlyList<int>> RepositoryIdsAsync(ArtifactHubDbContext db, Repository repository, CancellationToken cancellationToken)
    {
        if (repository.Type != RepositoryType.Group)
        {
            return [repository.Id];
        }

        var byName = await db.Repositories.AsNoTracking().Where(r => r.Format == repository.Format).ToDictionaryAsync(r => r.Name, cancellationToken);
        var ids = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Expand(repository);
        return ids;

        void Expand(Repository group)
        {
            foreach (var name in RepositorySettings.Read(group).Group?.Members ?? [])
            {
                // A group saved with a cycle or a member since deleted must not loop or fail: skip what is seen or missing.
                if (!seen.Add(name) || !byName.TryGetValue(name, out var member) || member.Id == repository.Id)
                {
                    continue;
                }

                if (member.Type == RepositoryType.Group)
                {
                    Expand(member);
                }
                else
                {
                    ids.Add(member.Id);
                }
            }
        }
    }

    /// <summary>Orders rows by the place of their repository in <paramref name="ids"/>: the first one is the one that answers.</summary>
    public static int Rank(this IReadOnlyList<int> ids, int repositoryId)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == repositoryId)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
