using ArtifactHub.Core.Repositories;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ArtifactHub.Server.Endpoints.Security;

/// <summary>The audit line for a repository change: which switches moved, and whether its settings did (never their values: they may hold protected credentials).</summary>
public static class RepositoryChanges
{
    public static string Describe(EntityEntry<Repository> entry)
    {
        var changes = new List<string>();
        foreach (var property in new[] { nameof(Repository.Online), nameof(Repository.AnonymousRead) })
        {
            var value = entry.Property(property);
            if (value.IsModified)
            {
                changes.Add($"{char.ToLowerInvariant(property[0])}{property[1..]}: {Text(value.OriginalValue)} -> {Text(value.CurrentValue)}");
            }
        }

        if (entry.Property(r => r.Settings).IsModified)
        {
            changes.Add("settings changed");
        }

        return changes.Count == 0 ? "no change" : string.Join("; ", changes);
    }

    /// <summary>Values as JSON writes them: <c>true</c>, not <c>True</c>.</summary>
    public static string Text(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        null => "null",
        _ => value.ToString() ?? "",
    };
}
