using System.Text.RegularExpressions;

namespace ArtifactHub.Core.Security;

/// <summary>User and role names: 1–64 of letters, digits, <c>. _ - @</c>, starting with a letter or digit; no ':' (Basic).</summary>
public static partial class UserNameRule
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    // \z, not $: $ also matches before a final newline ("alice\n").
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
