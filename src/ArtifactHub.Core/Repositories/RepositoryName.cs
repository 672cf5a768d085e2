using System.Text.RegularExpressions;

namespace ArtifactHub.Core.Repositories;

/// <summary>Repository names appear in URLs: <c>[a-z0-9][a-z0-9._-]{0,63}</c>, compared without regard to case.</summary>
public static partial class RepositoryName
{
    public const string Rule = "a lower-case letter or digit, then up to 63 of a-z 0-9 . _ -";

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary>The form stored and looked up: names are unique case-insensitively.</summary>
    public static string Normalize(string name) => name.ToLowerInvariant();
}
