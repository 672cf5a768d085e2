namespace ArtifactHub.Formats.Go;

/// <summary>
/// golang.org/x/mod/zip's collision rule, for a zip's entries and a directory's files alike: no two paths may be equal
/// under case folding (they would overwrite each other on a case-insensitive file system), and no path may be both a
/// file and a directory. Parent directories are checked as well, so "A/x" collides with "a/y".
/// </summary>
internal sealed class ModuleFileCollisions
{
    private readonly Dictionary<string, (string Path, bool IsDir)> _folded = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="name"/> and its parents; why it collides with one recorded before, or null.</summary>
    public string? Add(string name, bool isDir)
    {
        while (true)
        {
            var key = name.ToUpperInvariant().ToLowerInvariant();
            if (_folded.TryGetValue(key, out var other))
            {
                if (other.Path != name) return $"case-insensitive file name collision: \"{other.Path}\" and \"{name}\"";
                if (other.IsDir != isDir) return $"entry \"{name}\" is both a file and a directory";
                if (!isDir) return $"multiple entries for file \"{name}\"";
            }
            else
            {
                _folded[key] = (name, isDir);
            }

            var slash = name.LastIndexOf('/');
            if (slash < 0) return null;
            name = name[..slash];
            isDir = true;
        }
    }
}
