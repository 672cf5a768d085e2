using System.Net.Http.Headers;
using System.Text;
using ArtifactHub.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Server.Tests;

/// <summary>Users, roles and tokens written straight into the server's database, and clients that sign in as them.</summary>
public static class SecurityTestData
{
    /// <summary>A new user; <paramref name="password"/> null makes a service account. Roles must exist (see <see cref="CreateRoleAsync"/>).</summary>
    public static Task<User> CreateUserAsync(WebApplicationFactory<Program> factory, string userName, string? password, params string[] roles) =>
        factory.WithDbAsync(async db =>
        {
            var user = new User { UserName = userName, DisplayName = userName + " (test)", CreatedAt = DateTimeOffset.UtcNow };
            if (password is not null)
            {
                user.PasswordHash = factory.Services.GetRequiredService<IPasswordHasher<User>>().HashPassword(user, password);
            }

            foreach (var role in await db.Roles.Where(r => roles.Contains(r.Name)).ToListAsync())
            {
                user.Roles.Add(new UserRole { RoleId = role.Id });
            }

            Assert.Equal(roles.Length, user.Roles.Count);
            db.Users.Add(user);
            await db.SaveChangesAsync();
            return user;
        });

    public static Task<Role> CreateRoleAsync(WebApplicationFactory<Program> factory, string name, params string[] privileges) =>
        factory.WithDbAsync(async db =>
        {
            var role = new Role { Name = name, Privileges = privileges.Select(p => new RolePrivilege { Value = p }).ToList() };
            db.Roles.Add(role);
            await db.SaveChangesAsync();
            return role;
        });

    /// <summary>A new API token of the user; returns the token text (shown once, as the API would).</summary>
    public static async Task<string> CreateTokenAsync(
        WebApplicationFactory<Program> factory, string userName, IEnumerable<string>? scope = null, DateTimeOffset? expiresAt = null, bool revoked = false)
    {
        var token = ApiTokenSecret.NewToken();
        await factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            db.ApiTokens.Add(new ApiToken
            {
                UserId = user.Id,
                Name = "test token " + ApiTokenSecret.PrefixOf(token),
                Prefix = ApiTokenSecret.PrefixOf(token),
                Hash = ApiTokenSecret.Hash(token),
                Scope = scope?.ToList(),
                CreatedAt = DateTimeOffset.UtcNow,
                ExpiresAt = expiresAt,
                RevokedAt = revoked ? DateTimeOffset.UtcNow : null,
            });
            await db.SaveChangesAsync();
        });
        return token;
    }

    public static Task ChangeUserAsync(WebApplicationFactory<Program> factory, string userName, Action<User> change) =>
        factory.WithDbAsync(async db =>
        {
            change(await db.Users.SingleAsync(u => u.UserName == userName));
            await db.SaveChangesAsync();
        });

    public static Task ChangeTokenAsync(WebApplicationFactory<Program> factory, string token, Action<ApiToken> change) =>
        factory.WithDbAsync(async db =>
        {
            var hash = ApiTokenSecret.Hash(token);
            change(await db.ApiTokens.SingleAsync(t => t.Hash == hash));
            await db.SaveChangesAsync();
        });

    public static Task<ApiToken> TokenAsync(WebApplicationFactory<Program> factory, string token)
    {
        var hash = ApiTokenSecret.Hash(token);
        return factory.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Hash == hash));
    }

    public static Task<List<AuditEntry>> AuditEntriesAsync(WebApplicationFactory<Program> factory) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    /// <summary>A client that sends HTTP Basic with this user name and password (or token).</summary>
    public static HttpClient CreateBasicClient(this WebApplicationFactory<Program> factory, string userName, string password)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}")));
        return client;
    }

    /// <summary>A client that sends <c>Authorization: Bearer {token}</c>.</summary>
    public static HttpClient CreateBearerClient(this WebApplicationFactory<Program> factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A name no other test uses (user and role names are unique).</summary>
    public static string NewName(string prefix = "u") => $"{prefix}-{Guid.NewGuid():N}"[..20];
}
