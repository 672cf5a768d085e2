using ArtifactHub.Core.Repositories;
using Microsoft.Extensions.Logging;

namespace ArtifactHub.Core.Group;

/// <summary>
/// The one walk over a group's members, for content (each member asked in order), browsing (the repositories whose
/// content a group shows) and the checks made when a group is saved (no group may contain itself). Members are found
/// by name; one that does not exist (deleted since) is skipped, and a walk never loops, whatever was saved.
/// </summary>
public sealed class GroupWalker(IRepositoryDirectory directory, ILogger<GroupWalker> logger)
{
    /// <summary>A repository by name, as the walk finds members.</summary>
    public Task<RepositoryContext?> FindAsync(string name, CancellationToken cancellationToken) => directory.FindAsync(name, cancellationToken);

    /// <summary>The group's own members that exist, in order (a member group as itself, not expanded).</summary>
    public async Task<IReadOnlyList<RepositoryContext>> MembersAsync(RepositoryContext group, CancellationToken cancellationToken)
    {
        var members = new List<RepositoryContext>();
        foreach (var name in group.Group.Members)
        {
            if (await directory.FindAsync(name, cancellationToken) is { } member)
            {
                members.Add(member);
            }
            else
            {
                logger.LogWarning("Group {Group}: member {Member} does not exist", group.Name, name);
            }
        }

        return members;
    }

    /// <summary>
    /// Whose content the repository shows: itself, or for a group its members in order, member groups expanded in place
    /// and each repository taken once (the first that holds something is the one that answers, as for the go command).
    /// </summary>
    public async Task<IReadOnlyList<RepositoryContext>> SourcesAsync(RepositoryContext repository, CancellationToken cancellationToken)
    {
        var sources = new List<RepositoryContext>();
        await WalkAsync(repository, new HashSet<string>(StringComparer.Ordinal), member =>
        {
            sources.Add(member);
            return false;
        }, cancellationToken);
        return sources;
    }

    /// <summary>Whether the repository named <paramref name="from"/> is, or contains at any depth, the one named <paramref name="target"/>.</summary>
    public async Task<bool> ReachesAsync(string from, string target, CancellationToken cancellationToken)
    {
        from = RepositoryName.Normalize(from);
        target = RepositoryName.Normalize(target);
        if (from == target)
        {
            return true;
        }

        if (await directory.FindAsync(from, cancellationToken) is not { Type: RepositoryType.Group } start)
        {
            return false;
        }

        var reached = false;
        await WalkAsync(start, new HashSet<string>(StringComparer.Ordinal) { from }, member =>
        {
            reached = member.Name == target;
            return reached;
        }, cancellationToken, visitGroups: true);
        return reached;
    }

    /// <summary>Depth first in member order; <paramref name="visit"/> answers true to stop.</summary>
    private async Task<bool> WalkAsync(
        RepositoryContext repository, HashSet<string> seen, Func<RepositoryContext, bool> visit, CancellationToken cancellationToken, bool visitGroups = false)
    {
        if (repository.Type != RepositoryType.Group)
        {
            return visit(repository);
        }

        seen.Add(repository.Name);
        foreach (var name in repository.Group.Members.Select(RepositoryName.Normalize))
        {
            if (!seen.Add(name) || await directory.FindAsync(name, cancellationToken) is not { } member)
            {
                continue;
            }

            if ((visitGroups && member.Type == RepositoryType.Group && visit(member)) || await WalkAsync(member, seen, visit, cancellationToken, visitGroups))
            {
                return true;
            }
        }

        return false;
    }
}
