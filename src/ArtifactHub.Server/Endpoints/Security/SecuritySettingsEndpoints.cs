using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using ArtifactHub.Server.Auth;
using ArtifactHub.Server.Auth.Authorization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints.Security;

/// <summary>The server-wide switches. <c>anonymousAccess</c> off: callers without credentials get a 401 everywhere but the health and OpenAPI endpoints.</summary>
public sealed record SecuritySettingsModel(bool? AnonymousAccess);

public sealed class SecuritySettingsModelValidator : AbstractValidator<SecuritySettingsModel>
{
    public SecuritySettingsModelValidator() => RuleFor(s => s.AnonymousAccess).NotNull();
}

public static class SecuritySettingsEndpoints
{
    public static IEndpointRouteBuilder MapSecuritySettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/security/settings").RequireAuthorization(Policies.ManageSecurity).WithTags("Security");
        group.MapGet("/", GetAsync);
        group.MapPut("/", UpdateAsync).AddEndpointFilter<ValidationFilter<SecuritySettingsModel>>();
        return app;
    }

    private static async Task<IResult> GetAsync(ArtifactHubDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.SecuritySettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new SecuritySettings();
        return Results.Ok(new SecuritySettingsModel(settings.AnonymousAccess));
    }

    private static async Task<IResult> UpdateAsync(
        SecuritySettingsModel body, ArtifactHubDbContext db, AnonymousAccess anonymous, IAuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        var settings = await db.SecuritySettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new SecuritySettings();
            db.SecuritySettings.Add(settings);
        }

        var before = settings.AnonymousAccess;
        settings.AnonymousAccess = body.AnonymousAccess!.Value;
        await db.SaveChangesAsync(cancellationToken);
        anonymous.Evict();
        await audit.RecordAsync(context, "settings.update", "security", details: $"anonymousAccess: {RepositoryChanges.Text(before)} -> {RepositoryChanges.Text(settings.AnonymousAccess)}");
        return Results.Ok(new SecuritySettingsModel(settings.AnonymousAccess));
    }
}
