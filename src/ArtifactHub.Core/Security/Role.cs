namespace ArtifactHub.Core.Security;

/// <summary>A named set of privileges. The built-in roles <c>admin</c> and <c>anonymous</c> cannot be deleted or renamed.</summary>
public sealed class Role
{
    public const string Admin = "admin";

    /// <summary>The privileges of callers without credentials (while anonymous access is on).</summary>
    public const string Anonymous = "anonymous";

    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public bool BuiltIn { get; set; }

    public List<RolePrivilege> Privileges { get; set; } = [];
}

/// <summary>One privilege of a role, in its text form (see <see cref="Privilege"/>).</summary>
public sealed class RolePrivilege
{
    public int Id { get; set; }

    public int RoleId { get; set; }

    public required string Value { get; set; }
}
