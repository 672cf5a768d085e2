using ArtifactHub.Core.Content;

namespace ArtifactHub.Core.Formats;

/// <summary>Which of a browse's sources answers: the first, in member order, that holds something.</summary>
public static class BrowseSources
{
    public static IReadOnlyList<int> SourceIds(this BrowseRequest request) => request.Sources.Select(s => s.Id).ToList();

    /// <summary>The repository of the first source that holds one of <paramref name="components"/>.</summary>
    public static int FirstHolder(this IReadOnlyList<int> ids, IEnumerable<Component> components) =>
        components.MinBy(c => ids.Rank(c.RepositoryId))!.RepositoryId;

    /// <summary>The place of a repository among the sources; the first one is the one that answers.</summary>
    public static int Rank(this IReadOnlyList<int> ids, int repositoryId)
    {
        var rank = ids.IndexOf(repositoryId);
        return rank < 0 ? int.MaxValue : rank;
    }

    private static int IndexOf(this IReadOnlyList<int> ids, int id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }

        return -1;
    }
}
