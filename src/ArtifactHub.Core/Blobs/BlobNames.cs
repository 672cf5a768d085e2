namespace ArtifactHub.Core.Blobs;

/// <summary>How every blob store names a blob: by its SHA-256, fanned out over two levels of folders.</summary>
public static class BlobNames
{
    /// <summary>
    /// <c>{aa}/{bb}/{sha256}</c> (a path under a store's root or a container), with <c>/</c> as the separator;
    /// anything but 64 hex digits is refused, so a name can never step outside the store.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="sha256"/> is not 64 hex digits.</exception>
    public static string RelativePath(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("a blob name is 64 hex digits", nameof(sha256));
        }

        return $"{sha256[..2]}/{sha256[2..4]}/{sha256}";
    }

    /// <summary>The SHA-256 of a blob named <paramref name="relativePath"/> (<c>/</c> as the separator), or null for any other name.</summary>
    public static string? Sha256Of(string relativePath)
    {
        var sha256 = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        return sha256.Length == 64 && sha256.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')) && relativePath == RelativePath(sha256) ? sha256 : null;
    }
}
