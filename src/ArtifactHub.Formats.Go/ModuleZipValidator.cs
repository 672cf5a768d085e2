using System.IO.Compression;
using System.Security.Cryptography;

namespace ArtifactHub.Formats.Go;

/// <summary>What a valid module zip holds that the proxy serves beside it.</summary>
/// <param name="GoMod">The .mod bytes: the zip's go.mod, or <c>module M</c> when it has none.</param>
public sealed record ValidatedModuleZip(byte[] GoMod, bool HasGoMod, string ZipHash, string GoModHash);

public sealed class InvalidModuleZipException(string message) : Exception(message);

/// <summary>
/// Checks a module zip against the rules of golang.org/x/mod/zip (CheckZip) and the version rules, and computes
/// its h1: hashes, reading the zip from disk one entry at a time so that size stays out of memory.
/// </summary>
public static class ModuleZipValidator
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixRegular = 0x8000;
    private const int UnixDirectory = 0x4000;

    /// <exception cref="InvalidModuleZipException">The zip breaks a rule; the message names it.</exception>
    public static ValidatedModuleZip Validate(string zipPath, string module, string version)
    {
        if (GoModulePath.CheckPath(module) is { } pathError) throw new InvalidModuleZipException(pathError);
        if (GoModulePath.CheckVersion(module, version) is { } versionError) throw new InvalidModuleZipException($"{module}@{version}: {versionError}");

        using var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.RandomAccess);
        if (file.Length > ModuleZipLimits.MaxZipFile)
        {
            throw new InvalidModuleZipException($"module zip file is too large ({file.Length} bytes; limit is {ModuleZipLimits.MaxZipFile} bytes)");
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidModuleZipException($"not a valid zip file: {e.Message}");
        }

        using (zip)
        {
            try
            {
                return ValidateEntries(zip, module, version);
            }
            catch (InvalidDataException e)
            {
                // The end record was read, but the central directory it points to is not one.
                throw new InvalidModuleZipException($"not a valid zip file: {e.Message}");
            }
        }
    }

    private static ValidatedModuleZip ValidateEntries(ZipArchive zip, string module, string version)
    {
        var prefix = $"{module}@{version}/";
        var collisions = new ModuleFileCollisions();
        long declaredTotal = 0;
        var hashed = new List<(string Name, string Sha256Hex)>();
        byte[]? goMod = null;
        string? goModSha256 = null;
        long actualTotal = 0;

        foreach (var entry in zip.Entries)
        {
            var fullName = entry.FullName;
            if (!fullName.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw Invalid(fullName, $"path does not have prefix \"{prefix}\"");
            }

            var name = fullName[prefix.Length..];
            var isDir = name.EndsWith('/');
            if (isDir) name = name[..^1];

            var fileType = (entry.ExternalAttributes >> 16) & UnixFileTypeMask;
            if (fileType != 0 && fileType != UnixRegular && fileType != UnixDirectory)
            {
                throw Invalid(fullName, "not a regular file (symbolic links and special files are not allowed)");
            }

            if (name != "")
            {
                CheckName(fullName, name, isDir, collisions);
                if (!isDir)
                {
                    declaredTotal += entry.Length;
                    if (declaredTotal > ModuleZipLimits.MaxZipFile)
                    {
                        throw new InvalidModuleZipException($"total uncompressed size of module contents too large (max size is {ModuleZipLimits.MaxZipFile} bytes)");
                    }

                    if (name == "go.mod" && entry.Length > ModuleZipLimits.MaxGoMod)
                    {
                        throw Invalid(fullName, $"go.mod file too large (max size is {ModuleZipLimits.MaxGoMod} bytes)");
                    }

                    if (name == "LICENSE" && entry.Length > ModuleZipLimits.MaxLicense)
                    {
                        throw Invalid(fullName, $"LICENSE file too large (max size is {ModuleZipLimits.MaxLicense} bytes)");
                    }
                }
            }

            // dirhash.HashZip hashes every entry of the zip, directories included.
            var (sha, length, content) = HashEntry(entry, name == "go.mod" && !isDir);
            actualTotal += length;
            if (actualTotal > ModuleZipLimits.MaxZipFile)
            {
                throw new InvalidModuleZipException($"total uncompressed size of module contents too large (max size is {ModuleZipLimits.MaxZipFile} bytes)");
            }

            if (content is not null)
            {
                goMod = content;
                goModSha256 = sha;
            }
            hashed.Add((fullName, sha));
        }

        if (goMod is not null)
        {
            var declared = GoModFile.ModulePath(goMod);
            if (declared is null)
            {
                throw new InvalidModuleZipException("go.mod has no module directive");
            }

            if (declared != module)
            {
                throw new InvalidModuleZipException($"go.mod declares module \"{declared}\", but the upload is for \"{module}\"");
            }
        }

        // The zip's go.mod was hashed as it was read; only a synthesized one still needs hashing.
        var mod = goMod ?? GoModFile.Synthesize(module);
        var goModHash = goModSha256 is not null ? GoHash.GoModHashOfSha256(goModSha256) : GoHash.GoModHash(mod);
        return new ValidatedModuleZip(mod, goMod is not null, GoHash.Hash1(hashed), goModHash);
    }

    private static void CheckName(string fullName, string name, bool isDir, ModuleFileCollisions collisions)
    {
        if (CleanPath(name) != name)
        {
            throw Invalid(fullName, "file path is not clean (it has '.', '..', or repeated or trailing slashes)");
        }

        if (GoModulePath.CheckFilePath(name) is { } error)
        {
            throw Invalid(fullName, error);
        }

        if (collisions.Add(name, isDir) is { } collision)
        {
            throw Invalid(fullName, collision);
        }

        if (isDir)
        {
            return;
        }

        var baseName = name[(name.LastIndexOf('/') + 1)..];
        if (string.Equals(baseName, "go.mod", StringComparison.OrdinalIgnoreCase))
        {
            if (baseName != name) throw Invalid(fullName, "go.mod file not in module root directory (files of nested modules do not belong in a module zip)");
            if (name != "go.mod") throw Invalid(fullName, "go.mod files must have lowercase names");
        }

        if (IsVendoredPackage(name))
        {
            throw Invalid(fullName, "vendored packages do not belong in a module zip");
        }
    }

    /// <summary>As x/mod: a file below vendor/ in a subdirectory is a vendored package (vendor/modules.txt is not).</summary>
    private static bool IsVendoredPackage(string name)
    {
        int i;
        if (name.StartsWith("vendor/", StringComparison.Ordinal)) i = "vendor/".Length;
        else if (name.IndexOf("/vendor/", StringComparison.Ordinal) is var j and >= 0) i = j + "/vendor/".Length;
        else return false;
        return name[i..].Contains('/');
    }

    private static string CleanPath(string name)
    {
        var parts = new List<string>();
        foreach (var part in name.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }

        var cleaned = string.Join('/', parts);
        return name.StartsWith('/') ? "/" + cleaned : cleaned == "" ? "." : cleaned;
    }

    private static (string Sha256Hex, long Length, byte[]? Content) HashEntry(ZipArchiveEntry entry, bool keep)
    {
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var crc = new ZipCrc32();
            using var stream = entry.Open();
            var kept = keep ? new MemoryStream() : null;
            var buffer = new byte[81920];
            long length = 0;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                length += read;
                if (length > ModuleZipLimits.MaxZipFile || (keep && length > ModuleZipLimits.MaxGoMod))
                {
                    throw Invalid(entry.FullName, "uncompressed content is larger than its header says or than the limit");
                }

                hash.AppendData(buffer, 0, read);
                crc.Append(buffer.AsSpan(0, read));
                kept?.Write(buffer, 0, read);
            }

            // Go's archive/zip refuses an entry whose size or checksum differs from its header; so do we.
            if (length != entry.Length)
            {
                throw Invalid(entry.FullName, $"corrupt zip entry: {length} bytes where the header says {entry.Length}");
            }

            if (crc.Value != entry.Crc32)
            {
                throw Invalid(entry.FullName, "corrupt zip entry: checksum (CRC-32) mismatch");
            }

            return (Convert.ToHexStringLower(hash.GetHashAndReset()), length, kept?.ToArray());
        }
        catch (InvalidDataException e)
        {
            throw Invalid(entry.FullName, $"corrupt zip entry: {e.Message}");
        }
    }

    private static InvalidModuleZipException Invalid(string entry, string message) => new($"{entry}: {message}");
}
