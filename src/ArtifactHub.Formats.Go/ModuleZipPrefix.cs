using System.IO.Compression;

namespace ArtifactHub.Formats.Go;

/// <summary>Which module version a zip holds, learned from the <c>{module}@{version}/</c> prefix every entry must share.</summary>
public static class ModuleZipPrefix
{
    /// <summary>Reads the zip's central directory (not its contents) from disk.</summary>
    /// <exception cref="InvalidModuleZipException">Not a zip, empty, or entries under different prefixes (or none); the message says which.</exception>
    public static (string Module, string Version) Read(string zipPath)
    {
        using var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.RandomAccess);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidModuleZipException($"the body is not a zip file: {e.Message}");
        }

        using (zip)
        {
            try
            {
                return Prefix(zip);
            }
            catch (InvalidDataException e)
            {
                // The end record was read, but the central directory it points to is not one.
                throw new InvalidModuleZipException($"the body is not a zip file: {e.Message}");
            }
        }
    }

    private static (string Module, string Version) Prefix(ZipArchive zip)
    {
        string? prefix = null;
        string? first = null;
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            // A module path has no '@' and a version no '/': the prefix ends at the first '/' after the first '@'.
            var at = name.IndexOf('@', StringComparison.Ordinal);
            var slash = at > 0 ? name.IndexOf('/', at) : -1;
            if (slash < 0)
            {
                throw new InvalidModuleZipException($"zip entry \"{name}\" is not under a {{module}}@{{version}}/ prefix: a module zip holds its files under one such folder");
            }

            var entryPrefix = name[..(slash + 1)];
            if (prefix is null)
            {
                (prefix, first) = (entryPrefix, name);
            }
            else if (entryPrefix != prefix)
            {
                throw new InvalidModuleZipException($"zip entries do not share one {{module}}@{{version}}/ prefix: \"{first}\" and \"{name}\"");
            }
        }

        if (prefix is null)
        {
            throw new InvalidModuleZipException("the zip is empty: a module zip holds its files under {module}@{version}/");
        }

        var separator = prefix.IndexOf('@', StringComparison.Ordinal);
        var (module, version) = (prefix[..separator], prefix[(separator + 1)..^1]);
        // Checked here too, not only when the zip is validated: an empty or odd version would make no content URL.
        if (GoModulePath.CheckPath(module) is { } pathError) throw new InvalidModuleZipException(pathError);
        if (GoModulePath.CheckVersion(module, version) is { } versionError) throw new InvalidModuleZipException($"{module}@{version}: {versionError}");
        return (module, version);
    }
}
