using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ArtifactHub.Core.Security;

/// <summary>What may be done to a repository's content. <c>admin</c> includes the others.</summary>
public enum RepositoryAction
{
    Read,
    Write,
    Delete,
    Admin,
}

/// <summary>
/// A privilege in text form: <c>repository:{name or glob}:{read|write|delete|admin}</c> (e.g. <c>repository:go-*:read</c>,
/// <c>repository:*:admin</c>), or one of the global ones: <c>repositories.manage</c>, <c>security.manage</c>, <c>audit.read</c>.
/// </summary>
public abstract partial record Privilege
{
    public const string ManageRepositories = "repositories.manage";
    public const string ManageSecurity = "security.manage";
    public const string ReadAudit = "audit.read";

    public static readonly IReadOnlyList<string> Globals = [ManageRepositories, ManageSecurity, ReadAudit];

    /// <summary>Every privilege there is: what the built-in admin role holds.</summary>
    public static readonly IReadOnlyList<string> All = [.. Globals, "repository:*:admin"];

    /// <summary>A repository privilege: a repository name or glob (<c>*</c> any run of characters, <c>?</c> one) and an action.</summary>
    public sealed record OnRepository(string Pattern, RepositoryAction Action) : Privilege
    {
        public bool Allows(string repository, RepositoryAction action) =>
            (Action == RepositoryAction.Admin || Action == action) && Matches(Pattern, repository);

        public override string ToString() => $"repository:{Pattern}:{Action.ToString().ToLowerInvariant()}";
    }

    public sealed record Global(string Name) : Privilege
    {
        public override string ToString() => Name;
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out Privilege? privilege)
    {
        privilege = null;
        if (text is null)
        {
            return false;
        }

        if (Globals.Contains(text))
        {
            privilege = new Global(text);
            return true;
        }

        var match = RepositoryForm().Match(text);
        if (!match.Success || !Enum.TryParse<RepositoryAction>(match.Groups["action"].Value, ignoreCase: true, out var action))
        {
            return false;
        }

        privilege = new OnRepository(match.Groups["pattern"].Value, action);
        return true;
    }

    public static Privilege Parse(string text) =>
        TryParse(text, out var privilege) ? privilege : throw new FormatException($"not a privilege: \"{text}\"");

    /// <summary>
    /// Case-insensitive glob over repository names (which are lower case): <c>*</c> any run of characters, <c>?</c>
    /// one. Linear (<see cref="Glob"/>), so no pattern (<c>*a*a*a…</c>) can make a check slow or throw.
    /// </summary>
    public static bool Matches(string pattern, string repository) => Glob.Matches(pattern, repository, ignoreCase: true);

    // \z, not $: $ also matches before a final newline.
    [GeneratedRegex("^repository:(?<pattern>[a-z0-9._*?-]{1,64}):(?<action>read|write|delete|admin)\\z", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryForm();
}
