using System.Text.Json;
using ArtifactHub.Core;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Formats.Go.Hosted;

/// <summary>
/// Publishes a module version to a hosted repository, for the content URL's PUT and the API's upload alike: the zip
/// checked against golang.org/x/mod/zip's rules, then the .zip, its go.mod and its .info stored as one component.
/// Versions are immutable: the same bytes again answer 200, other bytes 409.
/// </summary>
public sealed class GoModulePublisher(IContentStore content, IOptions<ArtifactHubOptions> options, TimeProvider clock, ILogger<GoModulePublisher> logger)
{
    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // h1: hashes keep their '+'
    };

    /// <summary>The 413 of a module zip over <see cref="ModuleZipLimits.MaxZipFile"/>.</summary>
    public static ContentResponse TooLarge() =>
        ContentResponse.Text(413, $"module zip is too large (limit is {ModuleZipLimits.MaxZipFile} bytes)");

    /// <summary>What to answer before a body is read: a read-only repository (403), a version that cannot be this module's (400); else null.</summary>
    public static ContentResponse? Refusal(RepositoryContext repository, string module, string version)
    {
        if (ReadOnly(repository) is { } readOnly)
        {
            return readOnly;
        }

        return GoModulePath.CheckVersion(module, version) is { } versionError
            ? ContentResponse.BadRequest($"{module}@{version}: {versionError}")
            : null;
    }

    public static ContentResponse? ReadOnly(RepositoryContext repository) =>
        repository.Hosted.WritePolicy == WritePolicy.ReadOnly ? ContentResponse.Text(403, $"repository {repository.Name} is read-only") : null;

    /// <summary>Streams an upload to the staging folder; null (answer <see cref="TooLarge"/>) when it is over the limit.</summary>
    public Task<StagedFile?> StageAsync(Stream body, long? contentLength, CancellationToken cancellationToken) =>
        StagedFile.TryWriteAsync(body, contentLength, StagingDir, ModuleZipLimits.MaxZipFile, cancellationToken);

    /// <summary>Publishes <paramref name="zip"/> (staged, within the size limit; <see cref="Refusal"/> checked) as module@version.</summary>
    public async Task<ContentResponse> PublishAsync(RepositoryContext repository, string module, string version, StagedFile zip, CancellationToken cancellationToken)
    {
        ValidatedModuleZip validated;
        try
        {
            validated = ModuleZipValidator.Validate(zip.Path, module, version);
        }
        catch (InvalidModuleZipException e)
        {
            logger.LogInformation("Rejected upload of {Module}@{Version} to {Repository}: {Reason}", module, version, repository.Name, e.Message);
            return ContentResponse.BadRequest(e.Message);
        }

        if (await content.FindComponentAsync(repository.Id, module, version, cancellationToken) is { } existing)
        {
            return Republished(existing, zip.Sha256);
        }

        // Whole seconds: the .info's Time has no fraction, and the row says the same.
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        await using var mod = await StagedFile.WriteAsync(validated.GoMod, StagingDir, cancellationToken);
        await using var info = await StagedFile.WriteAsync(GoContent.Info(version, now), StagingDir, cancellationToken);
        var stored = await content.PublishAsync(repository.Id, new ComponentDraft(new ComponentKey(module, version), now,
        [
            Draft(module, version, GoRequestKind.Zip, GoContent.ZipType, zip, validated.ZipHash),
            Draft(module, version, GoRequestKind.Mod, GoContent.ModType, mod, validated.GoModHash),
            Draft(module, version, GoRequestKind.Info, GoContent.InfoType, info, null),
        ]), cancellationToken);
        if (!stored.Created)
        {
            return Republished(stored.Component, zip.Sha256); // someone published it at the same moment
        }

        logger.LogInformation("Published {Module}@{Version} to {Repository} ({Size} bytes, {ZipHash})", module, version, repository.Name, zip.Size, validated.ZipHash);
        return ContentResponse.Json(201, Published(stored.Component), ApiJson);
    }

    private static AssetDraft Draft(string module, string version, GoRequestKind kind, string contentType, StagedFile staged, string? formatHash) =>
        new(GoRequestPath.AssetPathOf(module, version, kind), new GoRequestPath(module, kind, version).AssetKind, contentType, staged) { FormatHash = formatHash };

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

    private string StagingDir => options.Value.FullStagingDir;
}
