using System.IO.Compression;
using System.Security.Cryptography;

namespace ArtifactHub.Formats.Go;

/// <summary>A module zip as written, with the go.sum hashes the go command will compute for it.</summary>
/// <param name="Files">The files' paths below the module root, in the zip's order.</param>
/// <param name="ContentSize">The files' bytes together (uncompressed).</param>
public sealed record WrittenModuleZip(string Module, string Version, IReadOnlyList<string> Files, long ContentSize, string ZipHash, string GoModHash);

/// <summary>Why a directory cannot be made into a module zip; <see cref="Problems"/> names each file and its rule.</summary>
public sealed class InvalidModuleDirectoryException(string message, IReadOnlyList<ModuleFileNote> problems) : Exception(message)
{
    public InvalidModuleDirectoryException(string message)
        : this(message, [])
    {
    }

    public IReadOnlyList<ModuleFileNote> Problems { get; } = problems;
}

/// <summary>
/// Writes the module zip of a directory as golang.org/x/mod/zip's <c>CreateFromDir</c> does (the files of
/// <see cref="ModuleDirectory"/>, each under <c>{module}@{version}/</c>, in its order, no directory entries), streaming
/// each file through and hashing it on the way, so that neither the zip nor a file is ever held in memory.
/// </summary>
public static class ModuleZipWriter
{
    /// <summary>Every entry gets this time (the earliest a zip can say): the same directory gives the same bytes, and a
    /// server that keeps versions immutable answers a second publish of it as the same content.</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int RegularFileAttributes = (0x8000 | 0x1A4) << 16; // -rw-r--r--: a regular file to unzip

    /// <summary>Writes the zip of <paramref name="directory"/> for <paramref name="module"/>@<paramref name="version"/> to <paramref name="output"/> (left open).</summary>
    /// <param name="progress">Told the number of file bytes written so far, as they go.</param>
    /// <exception cref="InvalidModuleDirectoryException">
    /// The module path or version is invalid, or the directory breaks a rule CreateFromDir enforces (every problem is
    /// named), or its go.mod declares another module (the go command refuses such a version).
    /// </exception>
    public static async Task<WrittenModuleZip> WriteAsync(
        ModuleDirectory directory, string module, string version, Stream output, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        if (GoModulePath.CheckPath(module) is { } pathError) throw new InvalidModuleDirectoryException(pathError);
        if (GoModulePath.CheckVersion(module, version) is { } versionError) throw new InvalidModuleDirectoryException($"{module}@{version}: {versionError}");
        CheckFiles(directory, module, version);
        await CheckGoModAsync(directory, module, cancellationToken).ConfigureAwait(false);

        var prefix = $"{module}@{version}/";
        var hashed = new List<(string Name, string Sha256Hex)>(directory.Files.Count);
        string? goModSha256 = null;
        long written = 0;
        await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var file in directory.Files)
            {
                var entry = zip.CreateEntry(prefix + file.Path, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                entry.ExternalAttributes = RegularFileAttributes;
                var sha = await CopyAsync(file, entry, bytes => progress?.Report(written += bytes), cancellationToken).ConfigureAwait(false);
                hashed.Add((prefix + file.Path, sha));
                if (file.Path == "go.mod") goModSha256 = sha;
            }
        }

        var goModHash = goModSha256 is not null ? GoHash.GoModHashOfSha256(goModSha256) : GoHash.GoModHash(GoModFile.Synthesize(module));
        return new WrittenModuleZip(module, version, directory.Files.Select(f => f.Path).ToList(), written, GoHash.Hash1(hashed), goModHash);
    }

    private static void CheckFiles(ModuleDirectory directory, string module, string version)
    {
        if (directory.SizeError is { } sizeError)
        {
            throw new InvalidModuleDirectoryException($"{directory.Root}: {sizeError}");
        }

        if (directory.Invalid.Count > 0)
        {
            var lines = string.Join('\n', directory.Invalid.Select(p => $"  {p}"));
            throw new InvalidModuleDirectoryException(
                $"{directory.Root} cannot be the module zip of {module}@{version}: {Files(directory.Invalid.Count)} break{(directory.Invalid.Count == 1 ? "s" : "")} its rules\n{lines}",
                directory.Invalid);
        }
    }

    /// <summary>CreateFromDir does not read go.mod, but the go command refuses a version whose go.mod names another module.</summary>
    private static async Task CheckGoModAsync(ModuleDirectory directory, string module, CancellationToken cancellationToken)
    {
        if (directory.GoMod is not { } goModFile)
        {
            return;
        }

        var declared = GoModFile.ModulePath(await File.ReadAllBytesAsync(goModFile.FullPath, cancellationToken).ConfigureAwait(false));
        var problem = declared is null ? "go.mod has no module directive"
            : declared != module ? $"go.mod declares module \"{declared}\", not \"{module}\""
            : null;
        if (problem is not null)
        {
            throw new InvalidModuleDirectoryException($"{goModFile.FullPath}: {problem}", [new("go.mod", problem)]);
        }
    }

    private static async Task<string> CopyAsync(ModuleDirectoryFile file, ZipArchiveEntry entry, Action<int> progress, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var source = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await using var target = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            // As x/mod: no more than the size the walk saw, so a file that grows meanwhile cannot pass the size limits.
            copied += read;
            if (copied > file.Size)
            {
                throw new InvalidModuleDirectoryException($"{file.FullPath}: file is larger than when the directory was read (it changed while the zip was written)");
            }

            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            progress(read);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Files(int count) => count == 1 ? "1 file" : $"{count} files";
}
