using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using ArtifactHub.Server.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints.Security;

/// <summary><c>/api/v1/security/users</c>: local accounts and service accounts.</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/security/users").RequireAuthorization(Policies.ManageSecurity).WithTags("Security");
        group.MapGet("/", ListAsync);
        group.MapGet("/{userName}", GetAsync);
        group.MapPost("/", CreateAsync).AddEndpointFilter<ValidationFilter<UserCreateRequest>>();
        group.MapPut("/{userName}", UpdateAsync).AddEndpointFilter<ValidationFilter<UserUpdateRequest>>();
        group.MapDelete("/{userName}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(ArtifactHubDbContext db, CancellationToken cancellationToken, string? search = null, int page = 1, int pageSize = 50)
    {
        if (Paging.Problem(page, pageSize) is { } problem)
        {
            return problem;
        }

        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            users = users.Matching(search);
        }

        var (items, total) = await Paging.PageAsync(users.Include(u => u.Roles).ThenInclude(r => r.Role).OrderBy(u => u.UserName), page, pageSize, cancellationToken);
        return Results.Ok(new PagedList<UserResponse>(items.Select(UserResponse.From).ToList(), page, pageSize, total));
    }

    private static async Task<IResult> GetAsync(string userName, ArtifactHubDbContext db, CancellationToken cancellationToken)
    {
        var user = await FindAsync(db, userName, cancellationToken);
        return user is null ? NotFound(userName) : Results.Ok(UserResponse.From(user));
    }

    private static async Task<IResult> CreateAsync(
        UserCreateRequest body, ArtifactHubDbContext db, IPasswordHasher<User> hasher, IAuditLog audit, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var roles = await RoleAssignment.FindAsync(db, body.Roles ?? [], cancellationToken);
        if (roles.Problem is { } problem)
        {
            return problem;
        }

        if (await db.Users.AnyAsync(u => u.UserName == body.UserName, cancellationToken))
        {
            return Exists(body.UserName!);
        }

        var user = new User
        {
            UserName = body.UserName!,
            DisplayName = NullIfEmpty(body.DisplayName),
            Email = NullIfEmpty(body.Email),
            Disabled = body.Disabled ?? false,
            CreatedAt = clock.GetUtcNow(),
            Roles = roles.Found.Select(r => new UserRole { RoleId = r.Id, Role = r }).ToList(),
        };
        if (body.Password is not null)
        {
            user.PasswordHash = hasher.HashPassword(user, body.Password);
        }

        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Exists(user.UserName);
        }

        var kind = user.PasswordHash is null ? "service account" : "password set";
        await audit.RecordAsync(context, "user.create", user.UserName,
            details: $"{kind}; roles: {string.Join(", ", roles.Found.Select(r => r.Name).Order(StringComparer.Ordinal))}{(user.Disabled ? "; disabled" : "")}");
        return Results.Created($"/api/v1/security/users/{user.UserName}", UserResponse.From(user));
    }

    private static async Task<IResult> UpdateAsync(
        string userName, UserUpdateRequest body, ArtifactHubDbContext db, IPasswordHasher<User> hasher, IAuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        var user = await db.Users.Include(u => u.Roles).ThenInclude(r => r.Role).FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
        {
            return NotFound(userName);
        }

        if (body.UserName is not null && !string.Equals(body.UserName, user.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["userName"] = ["A user cannot be renamed."] });
        }

        var wasAdmin = AdminLockout.IsEnabledAdmin(user);
        var changes = new List<string>();
        if (body.DisplayName is not null && NullIfEmpty(body.DisplayName) != user.DisplayName)
        {
            user.DisplayName = NullIfEmpty(body.DisplayName);
            changes.Add("displayName changed");
        }

        if (body.Email is not null && NullIfEmpty(body.Email) != user.Email)
        {
            user.Email = NullIfEmpty(body.Email);
            changes.Add("email changed");
        }

        if (body.Password is not null)
        {
            user.PasswordHash = hasher.HashPassword(user, body.Password);
            changes.Add("password changed");
        }

        if (body.Disabled is { } disabled && disabled != user.Disabled)
        {
            user.Disabled = disabled;
            changes.Add(disabled ? "disabled" : "enabled");
        }

        if (body.Roles is not null)
        {
            var roles = await RoleAssignment.FindAsync(db, body.Roles, cancellationToken);
            if (roles.Problem is { } problem)
            {
                return problem;
            }

            if (RoleAssignment.Apply(user, roles.Found) is { Length: > 0 } roleChanges)
            {
                changes.Add("roles: " + roleChanges);
            }
        }

        if (wasAdmin && !AdminLockout.IsEnabledAdmin(user) && !await AdminLockout.AnotherEnabledAdminAsync(db, user.Id, cancellationToken))
        {
            return AdminLockout.Refusal(user.UserName);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(context, "user.update", user.UserName, details: changes.Count == 0 ? "no change" : string.Join("; ", changes));
        return Results.Ok(UserResponse.From(user));
    }

    private static async Task<IResult> DeleteAsync(string userName, ArtifactHubDbContext db, IAuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        var user = await FindAsync(db, userName, cancellationToken);
        if (user is null)
        {
            return NotFound(userName);
        }

        if (AdminLockout.IsEnabledAdmin(user) && !await AdminLockout.AnotherEnabledAdminAsync(db, user.Id, cancellationToken))
        {
            return AdminLockout.Refusal(user.UserName);
        }

        // Its roles and tokens go by cascade.
        await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync(cancellationToken);
        await audit.RecordAsync(context, "user.delete", user.UserName);
        return Results.NoContent();
    }

    private static Task<User?> FindAsync(ArtifactHubDbContext db, string userName, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Include(u => u.Roles).ThenInclude(r => r.Role).FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    internal static IResult NotFound(string userName) =>
        Results.Problem(statusCode: 404, title: "User not found", detail: $"There is no user named '{userName}'.");

    private static IResult Exists(string userName) =>
        Results.Problem(statusCode: 409, title: "User exists", detail: $"A user named '{userName}' already exists.");
}
