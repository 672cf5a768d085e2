namespace ArtifactHub.Formats.Raw;

/// <summary>
/// A path in a raw repository, as stored: relative, '/'-separated, each element neither empty nor '.' or '..', without
/// backslashes or control characters, at most <see cref="MaxLength"/> characters. One that ends in '/' (or is empty,
/// the root) names a directory.
/// </summary>
public sealed record RawPath(string Value)
{
    public const int MaxLength = 1024;

    public bool IsDirectory => Value.Length == 0 || Value.EndsWith('/');

    /// <summary>The name of the file or directory: its last element.</summary>
    public string Name => Value.TrimEnd('/')[(Value.TrimEnd('/').LastIndexOf('/') + 1)..];

    /// <summary>The path as a URL path: each element percent-encoded.</summary>
    public string Escaped => string.Join('/', Value.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The directories it lies in, outermost first (<c>a/b/c</c>: <c>a</c>, <c>a/b</c>).</summary>
    public IEnumerable<string> Parents
    {
        get
        {
            var trimmed = Value.TrimEnd('/');
            for (var slash = trimmed.IndexOf('/'); slash > 0; slash = trimmed.IndexOf('/', slash + 1))
            {
                yield return trimmed[..slash];
            }
        }
    }

    /// <summary>The path, or null with <paramref name="error"/> saying what is wrong with it.</summary>
    public static RawPath? Parse(string path, out string? error)
    {
        var elements = path.EndsWith('/') ? path[..^1] : path; // a directory's one trailing slash
        error = path.Length > MaxLength ? $"a path has at most {MaxLength} characters"
            : path.StartsWith('/') ? "a path is relative: it does not start with '/'"
            : path.Any(c => char.IsControl(c) || c == '\\') ? "a path holds no backslashes or control characters"
            : elements.Length > 0 && elements.Split('/').Any(e => e is "" or "." or "..") ? "a path's elements are neither empty nor '.' or '..'"
            : null;
        return error is null ? new RawPath(path) : null;
    }
}
