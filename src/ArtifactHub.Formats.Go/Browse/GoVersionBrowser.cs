using System.Text;
using ArtifactHub.Core;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Formats.Go.Browse;

/// <summary>One version in detail (<c>versions/{module}@{version}</c>: go.mod, the zip's files, its README) and one text file of its zip (<c>files/…</c>).</summary>
public sealed class GoVersionBrowser(IContentQueries queries, IBlobStore blobs, IOptions<ArtifactHubOptions> options, ILogger<GoVersionBrowser> logger)
{
    /// <summary>Larger files are not shown as text (413).</summary>
    public const int MaxTextFileBytes = 1 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<BrowseAnswer> VersionAsync(BrowseRequest request, CancellationToken cancellationToken)
    {
        if (ModuleVersionReference.ParseVersion(request.Path) is not { } wanted)
        {
            return Malformed(request.Path, "{module}@{version}");
        }

        var (component, problem) = await FindAsync(request, wanted, cancellationToken);
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
                logger.LogWarning("Stored zip {Blob} of {Module}@{Version} is missing from the blob store", zip.BlobSha256, component.Name, component.Version);
            }
        }

        var goMod = mod is null ? null : await ReadTextAsync(mod, cancellationToken);
        return new BrowseAnswer.Found(new VersionDetail(
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
    /// A UTF-8 text file of at most <see cref="MaxTextFileBytes"/>, answered as text that a browser will neither sniff
    /// nor run (a module's .html or .svg must not become a page of this origin).
    /// </summary>
    public async Task<BrowseAnswer> FileAsync(BrowseRequest request, CancellationToken cancellationToken)
    {
        if (ModuleVersionReference.ParseFile(request.Path) is not { FilePath: { } path } wanted)
        {
            return Malformed(request.Path, "{module}@{version}/{path inside the module}");
        }

        if (!StoredModuleZip.IsCleanRelativePath(path))
        {
            return new BrowseAnswer.Problem(400, "Invalid file path", $"'{path}' is not a clean path inside the module (no '.', '..', '\\' or empty elements).");
        }

        var (component, problem) = await FindAsync(request, wanted, cancellationToken);
        if (component is null)
        {
            return problem!;
        }

        var zip = component.Assets.FirstOrDefault(a => a.Kind == GoContent.ZipKind);
        await using var stored = zip is null ? null : await StoredModuleZip.OpenAsync(blobs, zip.BlobSha256, component.Name, component.Version, options.Value.FullStagingDir, cancellationToken);
        if (stored is null)
        {
            return BrowseAnswer.NotFound("Zip not stored", $"The zip of {component.Name}@{component.Version} is not stored here, so its files cannot be shown.");
        }

        var entry = stored.Find(path);
        if (entry is null)
        {
            return BrowseAnswer.NotFound("File not found", $"{component.Name}@{component.Version} has no file '{path}'.");
        }

        if (entry.Length > MaxTextFileBytes)
        {
            return new BrowseAnswer.Problem(413, "File too large", $"'{path}' has {entry.Length} bytes; files of more than {MaxTextFileBytes} bytes are not shown.");
        }

        var bytes = new byte[entry.Length];
        await using (var content = await entry.OpenAsync(cancellationToken))
        {
            await content.ReadExactlyAsync(bytes, cancellationToken);
        }

        return IsText(bytes)
            ? new BrowseAnswer.Text(bytes)
            : new BrowseAnswer.Problem(415, "Binary file", $"'{path}' is not UTF-8 text, so it is not shown.");
    }

    /// <summary>The version in the repository, or for a group in the first source that holds it; else the 404 to answer.</summary>
    private async Task<(Component? Component, BrowseAnswer? Problem)> FindAsync(BrowseRequest request, ModuleVersionReference wanted, CancellationToken cancellationToken)
    {
        var ids = request.SourceIds();
        var held = await queries.ComponentsAsync(ids, [wanted.Module], wanted.Version, withAssets: true, cancellationToken);
        if (held.Count > 0)
        {
            return (held.MinBy(c => ids.Rank(c.RepositoryId)), null);
        }

        return (await queries.ComponentsAsync(ids, [wanted.Module], version: null, withAssets: false, cancellationToken)).Count > 0
            ? (null, BrowseAnswer.NotFound("Version not found", $"Module '{wanted.Module}' has no version '{wanted.Version}' in repository '{request.Repository.Name}'."))
            : (null, GoBrowser.ModuleNotFound(request, wanted.Module));
    }

    private async Task<string?> ReadTextAsync(Asset asset, CancellationToken cancellationToken)
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

    private static BrowseAnswer.Problem Malformed(string reference, string expected) =>
        new(400, "Malformed module version", $"'{reference}' is not {expected}.");
}
