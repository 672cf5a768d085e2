using ArtifactHub.Core;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Formats.Raw.Hosted;

/// <summary>
/// Stores a file at a path of a hosted raw repository, for the content URL's PUT and the API's upload alike. Under
/// <c>allow-once</c> (the default) a path never changes: the same bytes again answer 200, others 409; under
/// <c>allow</c> they replace it. A path is a file or a directory, never both.
/// </summary>
public sealed class RawPublisher(
    IContentStore content, IContentQueries queries, IOptions<ArtifactHubOptions> options, IOptions<RawOptions> raw, ILogger<RawPublisher> logger)
{
    public async Task<ContentResponse> PublishAsync(RepositoryContext repository, RawPath path, Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        var policy = repository.Hosted.WritePolicy;
        if (policy == WritePolicy.ReadOnly)
        {
            return ReadOnly(repository);
        }

        if (path.IsDirectory)
        {
            return ContentResponse.BadRequest($"{path.Value} is a directory path (it ends in '/'): send a file to a path without one");
        }

        if (await ClashAsync(repository, path, cancellationToken) is { } clash)
        {
            return clash;
        }

        await using var staged = await StagedFile.TryWriteAsync(body, contentLength, options.Value.FullStagingDir, raw.Value.MaxFileBytes, cancellationToken);
        if (staged is null)
        {
            return ContentResponse.Text(413, $"file is too large (limit is {raw.Value.MaxFileBytes} bytes)");
        }

        var draft = new AssetDraft(path.Value, RawContent.FileKind, RawContent.TypeOf(path), staged);
        if (policy == WritePolicy.Allow)
        {
            var replaced = await content.ReplaceAsync(repository.Id, draft, cancellationToken);
            logger.LogInformation("Stored {Path} in {Repository} ({Size} bytes, {Sha256})", path.Value, repository.Name, staged.Size, staged.Sha256);
            return RawContent.Stored(replaced.Created ? 201 : 200, replaced.Asset);
        }

        var existing = await content.FindAssetAsync(repository.Id, path.Value, AssetLookup.Database, cancellationToken);
        var kept = existing is null ? await content.KeepAsync(repository.Id, draft, cancellationToken) : new StoredAsset(existing, Created: false);
        if (kept.Created)
        {
            logger.LogInformation("Stored {Path} in {Repository} ({Size} bytes, {Sha256})", path.Value, repository.Name, staged.Size, staged.Sha256);
            return RawContent.Stored(201, kept.Asset);
        }

        return kept.Asset.BlobSha256 == staged.Sha256
            ? RawContent.Stored(200, kept.Asset)
            : ContentResponse.Text(409, $"{path.Value} already exists with different content; {repository.Name} keeps files as they were first stored (write policy allow-once)");
    }

    public async Task<ContentResponse> DeleteAsync(RepositoryContext repository, RawPath path, CancellationToken cancellationToken)
    {
        if (repository.Hosted.WritePolicy == WritePolicy.ReadOnly)
        {
            return ReadOnly(repository);
        }

        if (path.IsDirectory)
        {
            return ContentResponse.Text(405, $"{path.Value} is a directory: delete its files one by one");
        }

        // The row only: the bytes go by garbage collection once nothing refers to them.
        if (await content.DeleteAssetAsync(repository.Id, path.Value, cancellationToken) is null)
        {
            return ContentResponse.NotFound($"not found: {path.Value}");
        }

        logger.LogInformation("Deleted {Path} from {Repository}", path.Value, repository.Name);
        return ContentResponse.NoContent();
    }

    /// <summary>A 409 when a directory the path lies in is a file, or the path is a directory (files lie below it).</summary>
    private async Task<ContentResponse?> ClashAsync(RepositoryContext repository, RawPath path, CancellationToken cancellationToken)
    {
        foreach (var parent in path.Parents)
        {
            if (await content.FindAssetAsync(repository.Id, parent, AssetLookup.Database, cancellationToken) is not null)
            {
                return ContentResponse.Text(409, $"{parent} is a file, so it cannot hold {path.Value}");
            }
        }

        return (await queries.AssetsUnderAsync([repository.Id], path.Value + "/", cancellationToken, limit: 1)).Count > 0
            ? ContentResponse.Text(409, $"{path.Value} is a directory (files lie below it), so it cannot be a file")
            : null;
    }

    private static ContentResponse ReadOnly(RepositoryContext repository) => ContentResponse.Text(403, $"repository {repository.Name} is read-only");
}
