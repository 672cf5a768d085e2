using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using ArtifactHub.Server.Auth;
using ArtifactHub.Server.Auth.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints.Security;

/// <summary><c>/api/v1/security/roles</c>: named sets of privileges.</summary>
public static class RoleEndpoints
{
    public static IEndpointRouteBuilder MapRoleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/security/roles").RequireAuthorization(Policies.ManageSecurity).WithTags("Security");
        group.MapGet("/", ListAsync);
        group.MapGet("/{name}", GetAsync);
        group.MapPost("/", CreateAsync).AddEndpointFilter<ValidationFilter<RoleCreateRequest>>();
        group.MapPut("/{name}", UpdateAsync).AddEndpointFilter<ValidationFilter<RoleUpdateRequest>>();
        group.MapDelete("/{name}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(ArtifactHubDbContext db, CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking().Include(r => r.Privileges).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return Results.Ok(roles.Select(RoleResponse.From));
    }

    private static async Task<IResult> GetAsync(string name, ArtifactHubDbContext db, CancellationToken cancellationToken)
    {
        var role = await db.Roles.AsNoTracking().Include(r => r.Privileges).FirstOrDefaultAsync(r => r.Name == name, cancellationToken);
        return role is null ? NotFound(name) : Results.Ok(RoleResponse.From(role));
    }

    private static async Task<IResult> CreateAsync(RoleCreateRequest body, ArtifactHubDbContext db, IAuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        if (await db.Roles.AnyAsync(r => r.Name == body.Name, cancellationToken))
        {
            return Exists(body.Name!);
        }

        var privileges = RoleRules.Normalize(body.Privileges!);
        var role = new Role
        {
            Name = body.Name!,
            Description = string.IsNullOrEmpty(body.Description) ? null : body.Description,
            Privileges = privileges.Select(p => new RolePrivilege { Value = p }).ToList(),
        };
        db.Roles.Add(role);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Exists(role.Name);
        }

        await audit.RecordAsync(context, "role.create", role.Name, details: "privileges: " + string.Join(", ", privileges));
        return Results.Created($"/api/v1/security/roles/{role.Name}", RoleResponse.From(role));
    }

    private static async Task<IResult> UpdateAsync(
        string name, RoleUpdateRequest body, ArtifactHubDbContext db, AnonymousAccess anonymous, IAuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        var role = await db.Roles.Include(r => r.Privileges).FirstOrDefaultAsync(r => r.Name == name, cancellationToken);
        if (role is null)
        {
            return NotFound(name);
        }

        var current = role.Privileges.Select(p => p.Value).ToHashSet(StringComparer.Ordinal);
        var wanted = body.Privileges is null ? null : RoleRules.Normalize(body.Privileges);
        var renamed = body.Name is not null && body.Name != role.Name;
        var errors = new Dictionary<string, string[]>();
        if (renamed && role.BuiltIn)
        {
            errors["name"] = [$"'{role.Name}' is built in and cannot be renamed."];
        }

        if (wanted is not null && role.Name == Role.Admin && !current.SetEquals(wanted))
        {
            errors["privileges"] = ["The privileges of 'admin' cannot change: it holds every privilege there is."];
        }
        else if (wanted is not null && role.Name == Role.Anonymous && RoleRules.AnonymousProblems(wanted) is { Length: > 0 } anonymousProblems)
        {
            errors["privileges"] = anonymousProblems;
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        if (renamed && !string.Equals(body.Name, role.Name, StringComparison.OrdinalIgnoreCase) && await db.Roles.AnyAsync(r => r.Name == body.Name, cancellationToken))
        {
            return Exists(body.Name!);
        }

        var changes = new List<string>();
        if (renamed)
        {
            changes.Add($"renamed from {role.Name}");
            role.Name = body.Name!;
        }

        if (body.Description is not null && (body.Description == "" ? null : body.Description) != role.Description)
        {
            role.Description = body.Description == "" ? null : body.Description;
            changes.Add("description changed");
        }

        if (wanted is not null && !current.SetEquals(wanted))
        {
            role.Privileges.RemoveAll(p => !wanted.Contains(p.Value));
            role.Privileges.AddRange(wanted.Where(p => !current.Contains(p)).Select(p => new RolePrivilege { RoleId = role.Id, Value = p }));
            changes.Add("privileges: " + string.Join(" ", wanted.Where(p => !current.Contains(p)).Select(p => "+" + p).Concat(current.Where(p => !wanted.Contains(p)).Order(StringComparer.Ordinal).Select(p => "-" + p))));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (role.Name == Role.Anonymous)
        {
            anonymous.Evict();
        }

        await audit.RecordAsync(context, "role.update", role.Name, details: changes.Count == 0 ? "no change" : string.Join("; ", changes));
        return Results.Ok(RoleResponse.From(role));
    }

    private static async Task<IResult> DeleteAsync(string name, ArtifactHubDbContext db, IAuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        var role = await db.Roles.AsNoTracking().FirstOrDefaultAsync(r => r.Name == name, cancellationToken);
        if (role is null)
        {
            return NotFound(name);
        }

        if (role.BuiltIn)
        {
            return Results.Problem(statusCode: 409, title: "Built-in role", detail: $"'{role.Name}' is built in and cannot be deleted.");
        }

        // Users holding it lose it (user_roles go by cascade).
        var holders = await db.Users.CountAsync(u => u.Roles.Any(r => r.RoleId == role.Id), cancellationToken);
        await db.Roles.Where(r => r.Id == role.Id).ExecuteDeleteAsync(cancellationToken);
        await audit.RecordAsync(context, "role.delete", role.Name, details: $"held by {holders} user(s)");
        return Results.NoContent();
    }

    private static IResult NotFound(string name) =>
        Results.Problem(statusCode: 404, title: "Role not found", detail: $"There is no role named '{name}'.");

    private static IResult Exists(string name) =>
        Results.Problem(statusCode: 409, title: "Role exists", detail: $"A role named '{name}' already exists.");
}
