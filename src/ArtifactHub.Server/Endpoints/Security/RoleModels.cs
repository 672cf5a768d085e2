using ArtifactHub.Core.Security;

namespace ArtifactHub.Server.Endpoints.Security;

/// <summary>Create a role: a name, a description, and privileges in their text form (see <see cref="Privilege"/>).</summary>
public sealed record RoleCreateRequest(string? Name, string? Description, IReadOnlyList<string>? Privileges);

/// <summary>Change a role; what is left out stays. Built-in roles keep their name, and <c>admin</c> its privileges.</summary>
public sealed record RoleUpdateRequest(string? Name, string? Description, IReadOnlyList<string>? Privileges);

public sealed record RoleResponse(string Name, string? Description, bool BuiltIn, IReadOnlyList<string> Privileges)
{
    public static RoleResponse From(Role role) =>
        new(role.Name, role.Description, role.BuiltIn, role.Privileges.Select(p => p.Value).Order(StringComparer.Ordinal).ToList());
}
