namespace ArtifactHub.Formats.Go.Browse;

/// <summary>
/// <c>{module}@{version}</c>, optionally followed by <c>/{path inside the module}</c>, as the browse URLs carry it: the
/// module path as written (not the go command's '!' escaping). A module path has no '@' and a version no '/', so the
/// first '@' ends the module and the next '/' the version.
/// </summary>
public sealed record ModuleVersionReference(string Module, string Version, string? FilePath)
{
    /// <summary>Parses <c>{module}@{version}</c>; null when it is not that.</summary>
    public static ModuleVersionReference? ParseVersion(string reference) =>
        Split(reference) is ({ } module, { } rest) && rest.Length > 0 && !rest.Contains('/') ? new(module, rest, null) : null;

    /// <summary>Parses <c>{module}@{version}/{path}</c>; null when it is not that (the path is checked by whoever looks it up).</summary>
    public static ModuleVersionReference? ParseFile(string reference)
    {
        if (Split(reference) is not ({ } module, { } rest))
        {
            return null;
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < rest.Length - 1 ? new(module, rest[..slash], rest[(slash + 1)..]) : null;
    }

    private static (string? Module, string? Remainder) Split(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? (reference[..at], reference[(at + 1)..]) : (null, null);
    }
}
