using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using ArtifactHub.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints.Security;

public sealed record AuditEntryResponse(long Id, DateTimeOffset Time, string? Actor, string Action, string? Target, bool Succeeded, string? Details, string? RemoteAddress)
{
    public static AuditEntryResponse From(AuditEntry e) => new(e.Id, e.Time, e.Actor, e.Action, e.Target, e.Succeeded, e.Details, e.RemoteAddress);
}

/// <summary>
/// <c>GET /api/v1/audit</c>, newest first. <c>actor</c>: a user name (any case); <c>action</c> and <c>target</c>:
/// prefixes (<c>token.</c>, <c>go-hosted/</c>); <c>from</c>/<c>to</c>: an inclusive time range.
/// </summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", ListAsync).RequireAuthorization(Policies.ReadAudit).WithTags("Security");
        return app;
    }

    private static async Task<IResult> ListAsync(
        ArtifactHubDbContext db,
        CancellationToken cancellationToken,
        string? actor = null,
        string? action = null,
        string? target = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        int page = 1,
        int pageSize = 50)
    {
        if (Paging.Problem(page, pageSize) is { } problem)
        {
            return problem;
        }

        if (from > to)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["from must not be after to."] });
        }

        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(actor))
        {
            var lower = actor.ToLowerInvariant();
            entries = entries.Where(e => e.Actor != null && e.Actor.ToLower() == lower);
        }

        if (!string.IsNullOrEmpty(action))
        {
            entries = entries.Where(e => e.Action.StartsWith(action));
        }

        if (!string.IsNullOrEmpty(target))
        {
            entries = entries.Where(e => e.Target != null && e.Target.StartsWith(target));
        }

        if (from is { } since)
        {
            entries = entries.Where(e => e.Time >= since);
        }

        if (to is { } until)
        {
            entries = entries.Where(e => e.Time <= until);
        }

        var (items, total) = await Paging.PageAsync(entries.OrderByDescending(e => e.Time).ThenByDescending(e => e.Id), page, pageSize, cancellationToken);
        return Results.Ok(new PagedList<AuditEntryResponse>(items.Select(AuditEntryResponse.From).ToList(), page, pageSize, total));
    }
}
