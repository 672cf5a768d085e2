using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;

namespace ArtifactHub.Formats.Raw.Browse;

/// <summary>
/// Browsing raw repositories: <c>tree/{directory}</c> answers the directory's entries (files with size, SHA-256, type
/// and time), a group's the union of its sources' (the first that holds a path wins).
/// </summary>
public sealed class RawBrowser(IContentQueries queries) : IFormatBrowser
{
    public string Format => RawFormat.Name;

    public IReadOnlyCollection<string> Views { get; } = ["tree"];

    public async Task<BrowseAnswer> BrowseAsync(BrowseRequest request, CancellationToken cancellationToken)
    {
        var asked = request.Path.Length == 0 || request.Path.EndsWith('/') ? request.Path : request.Path + "/";
        if (RawPath.Parse(asked, out var error) is null)
        {
            return new BrowseAnswer.Problem(400, "Invalid path", $"'{request.Path}' is not a directory path: {error}.");
        }

        var ids = request.SourceIds();
        var directory = RawDirectory.Of(asked, await queries.AssetsUnderAsync(ids, asked, cancellationToken), ids);
        return directory.Entries.Count == 0 && asked.Length > 0
            ? BrowseAnswer.NotFound("Directory not found", $"Repository '{request.Repository.Name}' has nothing under '{asked}'.")
            : new BrowseAnswer.Found(directory);
    }
}
