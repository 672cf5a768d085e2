using ArtifactHub.Core.Security;

namespace ArtifactHub.Server.Endpoints.Security;

/// <summary>Create a user. No password: a service account, which signs in with tokens only.</summary>
public sealed record UserCreateRequest(string? UserName, string? DisplayName, string? Email, string? Password, IReadOnlyList<string>? Roles, bool? Disabled);

/// <summary>Change a user; what is left out stays. The user name cannot change (it may be sent, unchanged). "" clears displayName or email.</summary>
public sealed record UserUpdateRequest(string? UserName, string? DisplayName, string? Email, string? Password, IReadOnlyList<string>? Roles, bool? Disabled);

/// <summary>A user as the API shows it: never the password or its hash.</summary>
public sealed record UserResponse(string UserName, string? DisplayName, string? Email, bool ServiceAccount, bool Disabled, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt)
{
    public static UserResponse From(User user) => new(
        user.UserName,
        user.DisplayName,
        user.Email,
        user.PasswordHash is null,
        user.Disabled,
        user.Roles.Select(r => r.Role?.Name).OfType<string>().Order(StringComparer.Ordinal).ToList(),
        user.CreatedAt);
}
