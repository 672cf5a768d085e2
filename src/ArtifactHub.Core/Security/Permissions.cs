namespace ArtifactHub.Core.Security;

/// <summary>
/// What a caller may do: the privileges of their roles, narrowed by a token's scope when they came with a token
/// (a narrowed token can do only what both its user and its scope allow).
/// </summary>
public sealed class Permissions(IReadOnlyList<Privilege> granted, IReadOnlyList<Privilege>? scope = null)
{
    public static readonly Permissions None = new([]);

    public IReadOnlyList<Privilege> Granted => granted;

    public static Permissions From(IEnumerable<string> granted, IEnumerable<string>? scope = null) =>
        new(Parse(granted), scope is null ? null : Parse(scope));

    public bool Can(string repository, RepositoryAction action) =>
        Allows(granted, repository, action) && (scope is null || Allows(scope, repository, action));

    public bool Has(string global) =>
        granted.Any(p => p is Privilege.Global g && g.Name == global) && (scope is null || scope.Any(p => p is Privilege.Global g && g.Name == global));

    private static bool Allows(IEnumerable<Privilege> privileges, string repository, RepositoryAction action) =>
        privileges.Any(p => p is Privilege.OnRepository r && r.Allows(repository, action));

    private static List<Privilege> Parse(IEnumerable<string> values) =>
        values.Select(v => Privilege.TryParse(v, out var p) ? p : null).OfType<Privilege>().ToList();
}
