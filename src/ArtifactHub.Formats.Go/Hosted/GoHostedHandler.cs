using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using Microsoft.Extensions.Logging;

namespace ArtifactHub.Formats.Go.Hosted;

/// <summary>A Go repository that is the source of truth: modules are published by upload and never change.</summary>
public sealed class GoHostedHandler(IContentStore content, GoModulePublisher publisher, ILogger<GoHostedHandler> logger) : IRepositoryHandler
{
    public string Format => GoFormat.Name;

    public RepositoryType Type => RepositoryType.Hosted;

    public async Task<ContentResponse> HandleAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        if (GoRequestPath.ParseOrAnswer(request.Path, out var answer) is not { } path)
        {
            return answer!;
        }

        return (request.Method, path.Kind) switch
        {
            ("GET" or "HEAD", not GoRequestKind.Version) => await ReadAsync(request.Repository, path, cancellationToken),
            ("PUT", GoRequestKind.Zip) => await UploadAsync(request, path, cancellationToken),
            ("DELETE", GoRequestKind.Version) => await DeleteAsync(request.Repository, path, cancellationToken),
            ("PUT" or "DELETE", _) => ContentResponse.Text(405, $"{request.Method} is not allowed on {request.Path}: upload to $module/@v/$version.zip, delete $module/@v/$version"),
            _ => ContentResponse.Text(405, $"{request.Method} is not allowed here"),
        };
    }

    private async Task<ContentResponse> ReadAsync(RepositoryContext repository, GoRequestPath path, CancellationToken cancellationToken)
    {
        if (path.Kind is GoRequestKind.List or GoRequestKind.Latest)
        {
            var versions = await content.VersionsAsync(repository.Id, path.Module, cancellationToken);
            if (versions.Count == 0)
            {
                return ContentResponse.NotFound($"not found: module {path.Module} has no versions in {repository.Name}");
            }

            if (path.Kind == GoRequestKind.List)
            {
                // The list holds releases and pre-releases; pseudo-versions are only reachable by name.
                return GoContent.List(versions.Where(v => !GoVersion.IsPseudo(v)));
            }

            var latest = GoVersion.Latest(versions)!;
            var latestInfo = await content.FindAssetAsync(repository.Id, GoRequestPath.AssetPathOf(path.Module, latest, GoRequestKind.Info), AssetLookup.Database, cancellationToken);
            return latestInfo is null
                ? ContentResponse.NotFound($"not found: {path.Module}@latest")
                : GoContent.FromAsset(latestInfo) with { CacheControl = CacheControl.Revalidate };
        }

        // A hosted repository resolves no queries (branches, commits): only canonical versions exist here.
        var asset = GoVersion.IsCanonical(path.Version!)
            ? await content.FindAssetAsync(repository.Id, path.AssetPath, AssetLookup.CacheHitsAndMisses, cancellationToken)
            : null;
        return asset is null
            ? ContentResponse.NotFound($"not found: {path.Module}@{path.Version}")
            : GoContent.FromAsset(asset);
    }

    private async Task<ContentResponse> UploadAsync(ContentRequest request, GoRequestPath path, CancellationToken cancellationToken)
    {
        var version = path.Version!;
        if (GoModulePublisher.Refusal(request.Repository, path.Module, version) is { } refused)
        {
            return refused;
        }

        await using var zip = await publisher.StageAsync(request.Body, request.ContentLength, cancellationToken);
        return zip is null
            ? GoModulePublisher.TooLarge()
            : await publisher.PublishAsync(request.Repository, path.Module, version, zip, cancellationToken);
    }

    private async Task<ContentResponse> DeleteAsync(RepositoryContext repository, GoRequestPath path, CancellationToken cancellationToken)
    {
        if (GoModulePublisher.ReadOnly(repository) is { } refused)
        {
            return refused;
        }

        // Rows only: the blobs go by garbage collection after its grace period, once nothing refers to them (the same
        // bytes may belong to another version, or to an upload under way on another node).
        if (await content.DeleteComponentAsync(repository.Id, path.Module, path.Version!, cancellationToken) is null)
        {
            return ContentResponse.NotFound($"not found: {path.Module}@{path.Version}");
        }

        logger.LogInformation("Deleted {Module}@{Version} from {Repository}", path.Module, path.Version, repository.Name);
        return ContentResponse.NoContent();
    }
}
