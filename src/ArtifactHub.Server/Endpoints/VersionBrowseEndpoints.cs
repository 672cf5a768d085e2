using System.Text;
using ArtifactHub.Core;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Content;
using ArtifactHub.Data;
using ArtifactHub.Formats.Go;
using ArtifactHub.Formats.Go.Browse;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Endpoints;

/// <summary>One version in detail (<c>versions/{module}@{version}</c>) and one file of its zip (<c>files/{module}@{version}/{path}</c>).</summary>
public static class VersionBrowseEndpoints
{
    /// <summary>Larger files are not shown as text (413).</summary>
    public const int MaxTextFileBytes = 1 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Maps onto the <c>/api/v1/repositories/{name}</c> group of <see cref="BrowseEndpoints"/>, which carries the read policy.</summary>
    public static RouteGroupBuilder MapVersionBrowseEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/versions/{**reference}", GetVersionAsync);
        group.MapGet("/files/{**reference}", GetFileAsync);
        return group;
    }

    private static async Task<IResult> GetVersionAsync(
        string name, string reference, ArtifactHubDbContext db, IBlobStore blobs, IOptions<ArtifactHubOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (ModuleVersionReference.ParseVersion(reference) is not { } wanted)
        {
            return ModuleVersionReference.Malformed(reference, "{module}@{version}");
        }

        var (component, problem) = await FindAsync(db, name, wanted, cancellationToken);
        if (component is null)
        {
            return problem!;
        }

        var zip = component.Assets.FirstOrDefault(a => a.Kind == GoContent.ZipKind);
        var mod = component.Assets.FirstOrDefault(a => a.Kind == GoContent.ModKind);
        IReadOnlyList<ModuleFile>? files = null;
        if (zip is not null)
        {
            await using var stored = await StoredModuleZip.OpenAsync(blobs, zip.BlobSha256, component.Name, component.Version, options.Value.FullStagingDir, cancellationToken);
            files = stored?.Files();
            if (stored is null)
            {
                loggers.CreateLogger(typeof(VersionBrowseEndpoints)).LogWarning("Stored zip {Blob} of {Module}@{Version} is missing from the blob store", zip.BlobSha256, component.Name, component.Version);
            }
        }

        var goMod = mod is null ? null : await ReadTextAsync(blobs, mod, cancellationToken);
        return Results.Ok(new VersionDetail(
            component.Name,
            component.Version,
            component.CreatedAt,
            zip?.Size ?? 0,
            zip?.FormatHash,
            mod?.FormatHash,
            component.DownloadCount,
            goMod,
            files is not null,
            files,
            files is null ? null : StoredModuleZip.Readme(files)));
    }

    /// <summary>
    /// A UTF-8 text file of at most <see cref="MaxTextFileBytes"/>, as text/plain that a browser will neither sniff nor run
    /// (a module's .html or .svg must not become a page of this origin).
    /// </summary>
    private static async Task<IResult> GetFileAsync(
        string name, string reference, HttpContext context, ArtifactHubDbContext db, IBlobStore blobs, IOptions<ArtifactHubOptions> options, CancellationToken cancellationToken)
    {
        if (ModuleVersionReference.ParseFile(reference) is not { FilePath: { } path } wanted)
        {
            return ModuleVersionReference.Malformed(reference, "{module}@{version}/{path inside the module}");
        }

        if (!StoredModuleZip.IsCleanRelativePath(path))
        {
            return Results.Problem(statusCode: 400, title: "Invalid file path", detail: $"'{path}' is not a clean path inside the module (no '.', '..', '\\' or empty elements).");
        }

        var (component, problem) = await FindAsync(db, name, wanted, cancellationToken);
        if (component is null)
        {
            return problem!;
        }

        var zip = component.Assets.FirstOrDefault(a => a.Kind == GoContent.ZipKind);
        await using var stored = zip is null ? null : await StoredModuleZip.OpenAsync(blobs, zip.BlobSha256, component.Name, component.Version, options.Value.FullStagingDir, cancellationToken);
        if (stored is null)
        {
            return Results.Problem(statusCode: 404, title: "Zip not stored", detail: $"The zip of {component.Name}@{component.Version} is not stored here, so its files cannot be shown.");
        }

        var entry = stored.Find(path);
        if (entry is null)
        {
            return Results.Problem(statusCode: 404, title: "File not found", detail: $"{component.Name}@{component.Version} has no file '{path}'.");
        }

        if (entry.Length > MaxTextFileBytes)
        {
            return TooLarge(path, entry.Length);
        }

        var bytes = new byte[entry.Length];
        await using (var content = await entry.OpenAsync(cancellationToken))
        {
            await content.ReadExactlyAsync(bytes, cancellationToken);
        }

        if (!IsText(bytes))
        {
            return Results.Problem(statusCode: 415, title: "Binary file", detail: $"'{path}' is not UTF-8 text, so it is not shown.");
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return Results.Bytes(bytes, "text/plain; charset=utf-8");
    }

    /// <summary>The version in the repository, or for a group in the first member that holds it; else the 404 to answer.</summary>
    private static async Task<(Component? Component, IResult? Problem)> FindAsync(
        ArtifactHubDbContext db, string name, ModuleVersionReference wanted, CancellationToken cancellationToken)
    {
        var repository = await RepositoryEndpoints.FindAsync(db, name, cancellationToken);
        if (repository is null)
        {
            return (null, RepositoryEndpoints.NotFound(name));
        }

        var ids = await BrowseSources.RepositoryIdsAsync(db, repository, cancellationToken);
        var held = await db.Components.AsNoTracking().Include(c => c.Assets)
            .Where(c => ids.Contains(c.RepositoryId) && c.Name == wanted.Module && c.Version == wanted.Version)
            .ToListAsync(cancellationToken);
        if (held.MinBy(c => ids.Rank(c.RepositoryId)) is { } component)
        {
            return (component, null);
        }

        return await db.Components.AnyAsync(c => ids.Contains(c.RepositoryId) && c.Name == wanted.Module, cancellationToken)
            ? (null, Results.Problem(statusCode: 404, title: "Version not found", detail: $"Module '{wanted.Module}' has no version '{wanted.Version}' in repository '{repository.Name}'."))
            : (null, BrowseEndpoints.ModuleNotFound(repository.Name, wanted.Module));
    }

    private static async Task<string?> ReadTextAsync(IBlobStore blobs, Asset asset, CancellationToken cancellationToken)
    {
        using var content = await blobs.OpenReadAsync(asset.BlobSha256, cancellationToken);
        if (content is null)
        {
            return null;
        }

        using var reader = new StreamReader(content.Stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Valid UTF-8 without NUL bytes (which no text file has, and nearly every binary one does).</summary>
    private static bool IsText(byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return false;
        }

        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static IResult TooLarge(string path, long size) =>
        Results.Problem(statusCode: 413, title: "File too large", detail: $"'{path}' has {size} bytes; files of more than {MaxTextFileBytes} bytes are not shown.");
}
