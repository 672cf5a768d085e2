namespace ArtifactHub.Core.Security;

/// <summary>A local account. The password is only ever stored as a hash; a service account has none and signs in with tokens.</summary>
public sealed class User
{
    public int Id { get; set; }

    /// <summary>Unique without regard to case; see <see cref="UserNameRule"/>.</summary>
    public required string UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    /// <summary>PBKDF2 via the framework's PasswordHasher; null for a service account (tokens only).</summary>
    public string? PasswordHash { get; set; }

    /// <summary>A disabled account cannot sign in, and its tokens stop working.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<UserRole> Roles { get; set; } = [];
}

/// <summary>A user holds a role.</summary>
public sealed class UserRole
{
    public int UserId { get; set; }

    public int RoleId { get; set; }

    public Role? Role { get; set; }
}
