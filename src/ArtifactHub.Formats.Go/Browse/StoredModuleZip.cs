using System.IO.Compression;
using ArtifactHub.Core.Blobs;

namespace ArtifactHub.Formats.Go.Browse;

/// <summary>A file of a module version, relative to the module root.</summary>
public sealed record ModuleFile(string Path, long Size);

/// <summary>
/// A stored module zip opened to list or read its files: only the central directory and the entries asked for are
/// read, through ranged reads of the blob store (<see cref="BlobRangeStream"/>), so that a store whose downloads cannot
/// seek (Azure Blob) is not asked for the whole zip; a zip is never held in memory or copied.
/// </summary>
public sealed class StoredModuleZip : IAsyncDisposable
{
    private readonly ZipArchive archive;
    private readonly string prefix;

    private StoredModuleZip(ZipArchive archive, string module, string version)
    {
        this.archive = archive;
        prefix = $"{module}@{version}/";
    }

    /// <summary>Opens the zip of <paramref name="module"/>@<paramref name="version"/>; null when the blob store has no such blob.</summary>
    /// <param name="stagingDir">Unused since the zip is read in ranges rather than copied; kept for the callers.</param>
    public static async Task<StoredModuleZip?> OpenAsync(
        IBlobStore blobs, string sha256, string module, string version, string stagingDir, CancellationToken cancellationToken)
    {
        var stream = await BlobRangeStream.OpenAsync(blobs, sha256, BlobRangeStream.DefaultReadAhead, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        try
        {
            // The async form reads the central directory with async reads: each block is a ranged read of the store.
            return new StoredModuleZip(await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken), module, version);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every file (not directory) under the module root, sorted by path.</summary>
    public IReadOnlyList<ModuleFile> Files() =>
        archive.Entries
            .Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal) && !e.FullName.EndsWith('/') && e.FullName.Length > prefix.Length)
            .Select(e => new ModuleFile(e.FullName[prefix.Length..], e.Length))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The file at exactly <paramref name="path"/> below the module root, or null. The path is looked up as an entry
    /// name, never joined onto a folder, and one that is not clean ('.', '..', '\', empty or leading '/') names nothing.
    /// </summary>
    public ZipArchiveEntry? Find(string path) =>
        IsCleanRelativePath(path) ? archive.GetEntry(prefix + path) : null;

    /// <summary>Whether <paramref name="path"/> is a clean relative slash-separated path: no empty, '.' or '..' element, no backslash.</summary>
    public static bool IsCleanRelativePath(string path) =>
        path.Length > 0 && !path.Contains('\\') && path.Split('/').All(element => element is not ("" or "." or ".."));

    /// <summary>The root README among <paramref name="files"/> (README.md, README, README.txt, then any README.*; case ignored), or null.</summary>
    public static string? Readme(IEnumerable<ModuleFile> files) =>
        files.Select(f => f.Path)
            .Where(p => !p.Contains('/') && (p.Equals("readme", StringComparison.OrdinalIgnoreCase) || p.StartsWith("readme.", StringComparison.OrdinalIgnoreCase)))
            .OrderBy(p => Array.IndexOf(PreferredReadmes, p.ToLowerInvariant()) is var rank and >= 0 ? rank : PreferredReadmes.Length)
            .ThenBy(p => p, StringComparer.Ordinal)
            .FirstOrDefault();

    private static readonly string[] PreferredReadmes = ["readme.md", "readme", "readme.txt"];

    public ValueTask DisposeAsync() => archive.DisposeAsync();
}
