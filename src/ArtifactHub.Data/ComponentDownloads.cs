using ArtifactHub.Core.Content;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data;

public static class ComponentDownloads
{
    /// <summary>
    /// Adds <paramref name="count"/> downloads to each of the components as <c>SET DownloadCount = DownloadCount + n</c>
    /// in one statement, so that nodes sharing the database add up instead of overwriting each other. A component
    /// deleted meanwhile is skipped. Keep <paramref name="componentIds"/> to a few hundred (one parameter each).
    /// </summary>
    public static Task<int> AddDownloadsAsync(this DbSet<Component> components, IReadOnlyCollection<long> componentIds, long count, CancellationToken cancellationToken) =>
        components.Where(c => componentIds.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DownloadCount, c => c.DownloadCount + count), cancellationToken);
}
