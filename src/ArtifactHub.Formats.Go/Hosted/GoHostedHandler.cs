using System.Text.Json;
using ArtifactHub.Core;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Formats.Go.Hosted;

/// <summary>A Go repository that is the source of truth: modules are published by upload and never change.</summary>
public sealed class GoHostedHandler(
    ArtifactHubDbContext db,
    IBlobStore blobs,
    IOptions<ArtifactHubOptions> options,
    TimeProvider clock,
    ImmutableAssetCache assets,
    ILogger<GoHostedHandler> logger) : IRepositoryHandler
{
    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // h1: hashes keep their '+'
    };

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

    private async Task<ContentResponse> ReadAsync(Repository repository, GoRequestPath path, CancellationToken cancellationToken)
    {
        if (path.Kind is GoRequestKind.List or GoRequestKind.Latest)
        {
            var versions = await db.Components
                .Where(c => c.RepositoryId == repository.Id && c.Name == path.Module)
                .Select(c => c.Version)
                .ToListAsync(cancellationToken);
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
            var latestInfo = await db.Assets.AtPathAsync(repository.Id, GoRequestPath.AssetPathOf(path.Module, latest, GoRequestKind.Info), cancellationToken);
            return latestInfo is null
                ? ContentResponse.NotFound($"not found: {path.Module}@latest")
                : GoContent.FromAsset(latestInfo) with { CacheControl = GoContent.Revalidate };
        }

        // A hosted repository resolves no queries (branches, commits): only canonical versions exist here.
        var asset = GoVersion.IsCanonical(path.Version!) ? await assets.GetAsync(db, repository, path.AssetPath, cancellationToken, rememberMiss: true) : null;
        return asset is null
            ? ContentResponse.NotFound($"not found: {path.Module}@{path.Version}")
            : GoContent.FromAsset(asset);
    }

    private async Task<ContentResponse> UploadAsync(ContentRequest request, GoRequestPath path, CancellationToken cancellationToken)
    {
        var repository = request.Repository;
        if (ReadOnly(repository) is { } refused)
        {
            return refused;
        }

        var version = path.Version!;
        if (GoModulePath.CheckVersion(path.Module, version) is { } versionError)
        {
            return ContentResponse.BadRequest($"{path.Module}@{version}: {versionError}");
        }

        // A body the caller staged is its to delete; one staged here is deleted here.
        StagedFile? staged = null;
        if (request.StagedBody is null)
        {
            staged = await ModuleZipUpload.StageAsync(request.Body, request.ContentLength, StagingDir, cancellationToken);
            if (staged is null)
            {
                return ModuleZipUpload.TooLarge();
            }
        }
        else if (request.StagedBody.Size > ModuleZipLimits.MaxZipFile)
        {
            return ModuleZipUpload.TooLarge();
        }

        await using (staged)
        {
            var zip = request.StagedBody ?? staged!;
            ValidatedModuleZip validated;
            try
            {
                validated = ModuleZipValidator.Validate(zip.Path, path.Module, version);
            }
            catch (InvalidModuleZipException e)
            {
                logger.LogInformation("Rejected upload of {Module}@{Version} to {Repository}: {Reason}", path.Module, version, repository.Name, e.Message);
                return ContentResponse.BadRequest(e.Message);
            }

            var existing = await ExistingAsync(repository, path.Module, version, cancellationToken);
            if (existing is not null)
            {
                return Republished(existing, zip.Sha256);
            }

            return await StoreAsync(repository, path.Module, version, zip, validated, cancellationToken);
        }
    }

    private async Task<ContentResponse> StoreAsync(Repository repository, string module, string version, StagedFile zip, ValidatedModuleZip validated, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        var component = new Component { RepositoryId = repository.Id, Name = module, Version = version, CreatedAt = now };
        component.Assets.Add(await StoreAssetAsync(repository, module, version, GoRequestKind.Zip, GoContent.ZipType, zip, validated.ZipHash, now, cancellationToken));
        await using (var mod = await StagedFile.WriteAsync(validated.GoMod, StagingDir, cancellationToken))
        {
            component.Assets.Add(await StoreAssetAsync(repository, module, version, GoRequestKind.Mod, GoContent.ModType, mod, validated.GoModHash, now, cancellationToken));
        }

        await using (var info = await StagedFile.WriteAsync(GoContent.Info(version, now), StagingDir, cancellationToken))
        {
            component.Assets.Add(await StoreAssetAsync(repository, module, version, GoRequestKind.Info, GoContent.InfoType, info, null, now, cancellationToken));
        }

        db.Components.Add(component);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone published the same version at the same moment: answer as for a second upload.
            db.ChangeTracker.Clear();
            var winner = await ExistingAsync(repository, module, version, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            // The blobs just stored stay for garbage collection when nothing refers to them: another node may be about to.
            return Republished(winner, zip.Sha256);
        }

        foreach (var asset in component.Assets)
        {
            assets.Evict(repository, asset.Path); // a miss remembered a moment ago
        }

        logger.LogInformation("Published {Module}@{Version} to {Repository} ({Size} bytes, {ZipHash})", module, version, repository.Name, zip.Size, validated.ZipHash);
        return ContentResponse.Json(201, Published(component), ApiJson);
    }

    private async Task<Asset> StoreAssetAsync(Repository repository, string module, string version, GoRequestKind kind, string contentType, StagedFile staged, string? formatHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await blobs.PutAsync(staged, cancellationToken);
        return new Asset
        {
            RepositoryId = repository.Id,
            Path = GoRequestPath.AssetPathOf(module, version, kind),
            Kind = kind.ToString().ToLowerInvariant(),
            BlobSha256 = staged.Sha256,
            Size = staged.Size,
            ContentType = contentType,
            FormatHash = formatHash,
            CreatedAt = now,
        };
    }

    private Task<Component?> ExistingAsync(Repository repository, string module, string version, CancellationToken cancellationToken) =>
        db.Components.AsNoTracking().Include(c => c.Assets)
            .FirstOrDefaultAsync(c => c.RepositoryId == repository.Id && c.Name == module && c.Version == version, cancellationToken);

    /// <summary>Versions are immutable: the same bytes again are a no-op, other bytes a conflict.</summary>
    private static ContentResponse Republished(Component existing, string zipSha256)
    {
        var zip = existing.Assets.Single(a => a.Kind == GoContent.ZipKind);
        return zip.BlobSha256 == zipSha256
            ? ContentResponse.Json(200, Published(existing), ApiJson)
            : ContentResponse.Text(409, $"{existing.Name}@{existing.Version} already exists with different content; versions are immutable, publish a new version");
    }

    private static PublishedModule Published(Component component)
    {
        var zip = component.Assets.Single(a => a.Kind == GoContent.ZipKind);
        var mod = component.Assets.Single(a => a.Kind == GoContent.ModKind);
        return new PublishedModule(component.Name, component.Version, GoContent.FormatTime(component.CreatedAt), zip.FormatHash!, mod.FormatHash!, zip.Size);
    }

    private async Task<ContentResponse> DeleteAsync(Repository repository, GoRequestPath path, CancellationToken cancellationToken)
    {
        if (ReadOnly(repository) is { } refused)
        {
            return refused;
        }

        var component = await db.Components.Include(c => c.Assets)
            .FirstOrDefaultAsync(c => c.RepositoryId == repository.Id && c.Name == path.Module && c.Version == path.Version, cancellationToken);
        if (component is null)
        {
            return ContentResponse.NotFound($"not found: {path.Module}@{path.Version}");
        }

        db.Components.Remove(component);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var asset in component.Assets)
        {
            assets.Evict(repository, asset.Path);
        }

        // Rows only: the blobs go by garbage collection after its grace period, once nothing refers to them (the same
        // bytes may belong to another version, or to an upload under way on another node).
        logger.LogInformation("Deleted {Module}@{Version} from {Repository}", path.Module, path.Version, repository.Name);
        return new ContentResponse(204, ContentResponse.TextPlain, new ContentPayload.Bytes(ReadOnlyMemory<byte>.Empty));
    }

    private static ContentResponse? ReadOnly(Repository repository) =>
        RepositorySettings.Read(repository).Hosted?.WritePolicy == WritePolicy.ReadOnly
            ? ContentResponse.Text(403, $"repository {repository.Name} is read-only")
            : null;

    private string StagingDir => options.Value.FullStagingDir;
}
