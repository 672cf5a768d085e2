using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Formats.Raw.Hosted;

/// <summary>
/// A raw repository that is the source of truth: any file at any path, stored by PUT, read by GET/HEAD, removed by
/// DELETE. A directory path (ending in '/', or the root) answers an index of what is stored below it.
/// </summary>
public sealed class RawHostedHandler(IContentStore content, IContentQueries queries, RawPublisher publisher) : IRepositoryHandler
{
    public string Format => RawFormat.Name;

    public RepositoryType Type => RepositoryType.Hosted;

    public async Task<ContentResponse> HandleAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        if (RawPath.Parse(request.Path, out var error) is not { } path)
        {
            return ContentResponse.BadRequest($"invalid path \"{request.Path}\": {error}");
        }

        var repository = request.Repository;
        return request.Method switch
        {
            "PUT" => await publisher.PublishAsync(repository, path, request.Body, request.ContentLength, cancellationToken),
            "DELETE" => await publisher.DeleteAsync(repository, path, cancellationToken),
            _ when path.IsDirectory => await DirectoryAsync(request, path, cancellationToken),
            _ => await FileAsync(repository, path, cancellationToken),
        };
    }

    private async Task<ContentResponse> FileAsync(RepositoryContext repository, RawPath path, CancellationToken cancellationToken)
    {
        // A file kept as first stored may be served from memory; one that may be replaced is read from the database.
        var lookup = repository.Hosted.WritePolicy == Core.Repositories.WritePolicy.Allow ? AssetLookup.Database : AssetLookup.CacheHitsAndMisses;
        return await content.FindAssetAsync(repository.Id, path.Value, lookup, cancellationToken) is { } asset
            ? RawContent.FromAsset(asset)
            : ContentResponse.NotFound($"not found: {path.Value}");
    }

    private async Task<ContentResponse> DirectoryAsync(ContentRequest request, RawPath path, CancellationToken cancellationToken)
    {
        var repository = request.Repository;
        var directory = RawDirectory.Of(path.Value, await queries.AssetsUnderAsync([repository.Id], path.Value, cancellationToken), [repository.Id]);
        return directory.Entries.Count == 0 && path.Value.Length > 0
            ? ContentResponse.NotFound($"not found: {path.Value}")
            : directory.Answer(repository.Name, request.Accept);
    }
}
