using System.Security.Cryptography;
using ArtifactHub.Core;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Auth;

/// <summary>
/// The bootstrap account "admin", created with the admin role (the built-in roles exist first, see
/// <see cref="BuiltInSecurity"/>). A configured password wins; otherwise one is generated once.
/// </summary>
public sealed class AdminAccount(
    ArtifactHubDbContext db,
    IPasswordHasher<User> hasher,
    IOptions<AdminOptions> admin,
    IOptions<ArtifactHubOptions> options,
    ILogger<AdminAccount> logger)
{
    public const string UserName = "admin";

    public string PasswordFile => Path.Combine(options.Value.FullDataDir, "admin.password");

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var configured = admin.Value.Password;
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == UserName, cancellationToken);
        if (user is null)
        {
            var password = string.IsNullOrEmpty(configured) ? await GenerateAsync(cancellationToken) : configured;
            var adminRole = await BuiltInSecurity.AdminRoleAsync(db, cancellationToken);
            user = new User { UserName = UserName, DisplayName = "Administrator", CreatedAt = DateTimeOffset.UtcNow };
            user.PasswordHash = hasher.HashPassword(user, password);
            user.Roles.Add(new UserRole { RoleId = adminRole.Id });
            db.Users.Add(user);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        if (!string.IsNullOrEmpty(configured) &&
            (user.PasswordHash is null || hasher.VerifyHashedPassword(user, user.PasswordHash, configured) == PasswordVerificationResult.Failed))
        {
            user.PasswordHash = hasher.HashPassword(user, configured);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("The admin password was changed to the one configured in ArtifactHub:Admin:Password");
        }
    }

    private async Task<string> GenerateAsync(CancellationToken cancellationToken)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        Directory.CreateDirectory(options.Value.FullDataDir);
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new StreamWriter(PasswordFile, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), fileOptions))
        {
            await file.WriteAsync(password.AsMemory(), cancellationToken);
        }

        // The password itself is never logged: only where to find it.
        logger.LogWarning("Generated a password for the account 'admin' and wrote it to {PasswordFile} (readable by this user only). Sign in with it and keep it safe, or set ArtifactHub__Admin__Password.", PasswordFile);
        return password;
    }
}
