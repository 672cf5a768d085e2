using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints.Security;

/// <summary>
/// The server must keep one enabled user holding the role <c>admin</c>: taking the role away from the last one,
/// disabling or deleting them, is refused (409), so that nobody can lock everyone out of the security API.
/// </summary>
public static class AdminLockout
{
    public static bool IsEnabledAdmin(User user) => !user.Disabled && user.Roles.Any(r => r.Role?.Name == Role.Admin);

    public static Task<bool> AnotherEnabledAdminAsync(ArtifactHubDbContext db, int userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id != userId && !u.Disabled && u.Roles.Any(r => r.Role!.Name == Role.Admin), cancellationToken);

    public static IResult Refusal(string userName) => Results.Problem(
        statusCode: 409,
        title: "Last administrator",
        detail: $"'{userName}' is the last enabled user with the role 'admin'; give the role to another enabled user first.");
}
