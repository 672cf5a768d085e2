using System.Text.RegularExpressions;

namespace ArtifactHub.Formats.Go;

/// <summary>Module versions: canonical forms, pseudo-versions and the protocol's rule for "latest".</summary>
public static partial class GoVersion
{
    [GeneratedRegex(@"^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PseudoVersionPattern();

    /// <summary>The canonical form of a module version: semver canonical, keeping only a "+incompatible" build suffix.</summary>
    public static string Canonical(string v)
    {
        var c = GoSemver.Canonical(v);
        return c != "" && GoSemver.Build(v) == "+incompatible" ? c + "+incompatible" : c;
    }

    public static bool IsCanonical(string v) => v != "" && Canonical(v) == v;

    public static bool IsPseudo(string v) => v.Count(c => c == '-') >= 1 && GoSemver.IsValid(v) && PseudoVersionPattern().IsMatch(v);

    /// <summary>What "latest" resolves to: the highest release, else the highest pre-release, else the highest pseudo-version.</summary>
    public static string? Latest(IEnumerable<string> versions)
    {
        string? release = null, prerelease = null, pseudo = null;
        foreach (var v in versions)
        {
            ref var slot = ref IsPseudo(v) ? ref pseudo : ref GoSemver.Prerelease(v) != "" ? ref prerelease : ref release;
            if (slot is null || GoSemver.Compare(v, slot) > 0)
            {
                slot = v;
            }
        }

        return release ?? prerelease ?? pseudo;
    }
}
