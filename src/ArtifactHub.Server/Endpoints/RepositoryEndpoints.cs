using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using ArtifactHub.Server.Auth;
using ArtifactHub.Server.Auth.Authorization;
using ArtifactHub.Server.Endpoints.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints;

/// <summary><c>/api/v1/repositories</c>: repositories are rows, managed here (and by the UI), never by config files.</summary>
public static class RepositoryEndpoints
{
    public static IEndpointRouteBuilder MapRepositoryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/repositories").WithTags("Repositories");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.AnyCaller);
        group.MapGet("/{name}", GetAsync).RequireAuthorization(Policies.ReadRepository);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.ManageRepositories);
        group.MapPut("/{name}", UpdateAsync).RequireAuthorization(Policies.ManageRepositories);
        group.MapDelete("/{name}", DeleteAsync).RequireAuthorization(Policies.ManageRepositories);
        group.MapUploadEndpoint();
        return app;
    }

    /// <summary>Only the repositories the caller may read (anonymous callers: those open to them).</summary>
    private static async Task<IResult> ListAsync(ArtifactHubDbContext db, HttpRequest request, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var repositories = await db.Repositories.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var readable = new List<Repository>();
        foreach (var repository in repositories)
        {
            if ((await authorization.AuthorizeAsync(request.HttpContext.User, repository, RepositoryAccessRequirement.Read)).Succeeded)
            {
                readable.Add(repository);
            }
        }

        var counts = await RepositoryStatistics.CountAsync(db, readable, cancellationToken);
        return Results.Ok(readable.Select(r => RepositoryResponse.From(r, request, counts.GetValueOrDefault(r.Id))));
    }

    private static async Task<IResult> GetAsync(string name, ArtifactHubDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var repository = await FindAsync(db, name, cancellationToken);
        return repository is null
            ? NotFound(name)
            : Results.Ok(RepositoryResponse.From(repository, request, await RepositoryStatistics.CountAsync(db, repository, cancellationToken)));
    }

    private static async Task<IResult> CreateAsync(
        RepositoryRequest? body,
        ArtifactHubDbContext db,
        RepositoryRules rules,
        RepositoryFormats formats,
        ISecretProtector secrets,
        TimeProvider clock,
        HttpRequest request,
        ILogger<RepositoryRequest> logger,
        IAuditLog audit,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return Results.Problem(statusCode: 400, title: "A JSON request body is required.");
        }

        if (await rules.ProblemsAsync(body, checkMembers: true, cancellationToken) is { Count: > 0 } problems)
        {
            return Results.ValidationProblem(problems);
        }

        var name = RepositoryName.Normalize(body.Name!);
        if (await db.Repositories.AnyAsync(r => r.Name == name, cancellationToken))
        {
            return Exists(name);
        }

        var now = clock.GetUtcNow();
        var type = body.Type!.Value;
        var repository = new Repository
        {
            Name = name,
            Format = body.Format!,
            Type = type,
            Online = body.Online ?? true,
            AnonymousRead = body.AnonymousRead ?? true,
            Settings = ToStore(formats, body.Format!, type, new RepositorySettings
            {
                Hosted = body.Hosted, Proxy = UpstreamCredentials.ToStore(body.Proxy, null, secrets), Group = Normalized(body.Group),
            }),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Repositories.Add(repository);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Exists(name);
        }

        logger.LogInformation("Created {Format} {Type} repository {Repository}", repository.Format, repository.Type, repository.Name);
        await audit.RecordAsync(request.HttpContext, "repository.create", repository.Name, details: $"{repository.Format} {repository.Type.ToString().ToLowerInvariant()}, anonymousRead: {RepositoryChanges.Text(repository.AnonymousRead)}");
        var empty = repository.Type == RepositoryType.Group ? null : RepositoryCounts.Empty;
        return Results.Created($"/api/v1/repositories/{repository.Name}", RepositoryResponse.From(repository, request, empty));
    }

    /// <summary>
    /// A change: what the body leaves out stays (a proxy's credentials too); name, format and type cannot change. The
    /// repository as changed must pass the same rules as a new one.
    /// </summary>
    private static async Task<IResult> UpdateAsync(
        string name,
        RepositoryRequest? body,
        ArtifactHubDbContext db,
        IRepositoryDirectory directory,
        RepositoryRules rules,
        RepositoryFormats formats,
        ISecretProtector secrets,
        TimeProvider clock,
        HttpRequest request,
        IAuditLog audit,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return Results.Problem(statusCode: 400, title: "A JSON request body is required.");
        }

        var repository = await db.Repositories.FirstOrDefaultAsync(r => r.Name == RepositoryName.Normalize(name), cancellationToken);
        if (repository is null)
        {
            return NotFound(name);
        }

        var errors = new Dictionary<string, string[]>();
        if (body.Name is not null && RepositoryName.Normalize(body.Name) != repository.Name) errors.Add("name", "A repository cannot be renamed.");
        if (body.Format is not null && body.Format != repository.Format) errors.Add("format", "The format of a repository cannot change.");
        if (body.Type is not null && body.Type != repository.Type) errors.Add("type", "The type of a repository cannot change.");
        var stored = RepositorySettings.Read(repository);
        if (body.Proxy is not null && UpstreamCredentials.WouldFollowToAnotherOrigin(body.Proxy, stored.Proxy))
        {
            errors.Add("proxy.authentication", "The upstream moves to another origin: send the authentication again, or {\"type\":\"none\"}, so stored credentials never reach a host they were not given for.");
        }

        var candidate = new RepositoryRequest(
            repository.Name,
            repository.Format,
            repository.Type,
            body.Online ?? repository.Online,
            body.Hosted ?? stored.Hosted,
            body.Proxy ?? (stored.Proxy is { } proxy ? proxy with { Authentication = null } : null),
            body.Group ?? stored.Group,
            body.AnonymousRead ?? repository.AnonymousRead);
        foreach (var (field, messages) in await rules.ProblemsAsync(candidate, checkMembers: body.Group is not null, cancellationToken))
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        repository.Settings = ToStore(formats, repository.Format, repository.Type, stored with
        {
            Hosted = body.Hosted ?? stored.Hosted,
            Proxy = UpstreamCredentials.ToStore(body.Proxy, stored.Proxy, secrets),
            Group = Normalized(body.Group) ?? stored.Group,
        });
        repository.Online = candidate.Online!.Value;
        repository.AnonymousRead = candidate.AnonymousRead!.Value;
        repository.UpdatedAt = clock.GetUtcNow();
        var changed = RepositoryChanges.Describe(db.Entry(repository));
        await db.SaveChangesAsync(cancellationToken);
        directory.Evict(repository.Name);
        await audit.RecordAsync(request.HttpContext, "repository.update", repository.Name, details: changed);
        return Results.Ok(RepositoryResponse.From(repository, request, await RepositoryStatistics.CountAsync(db, repository, cancellationToken)));
    }

    private static async Task<IResult> DeleteAsync(
        string name, ArtifactHubDbContext db, IRepositoryDirectory directory, ILogger<RepositoryRequest> logger, IAuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        var repository = await FindAsync(db, name, cancellationToken);
        if (repository is null)
        {
            return NotFound(name);
        }

        var blobCount = await db.Assets.Where(a => a.RepositoryId == repository.Id).Select(a => a.BlobSha256).Distinct().CountAsync(cancellationToken);
        await db.Repositories.Where(r => r.Id == repository.Id).ExecuteDeleteAsync(cancellationToken); // components and assets go by cascade
        directory.Evict(repository.Name);
        // The blobs stay for garbage collection: another repository, or an upload on another node, may use the same bytes.
        logger.LogInformation("Deleted repository {Repository}; {Blobs} blob(s) it referenced are left to garbage collection", repository.Name, blobCount);
        await audit.RecordAsync(context, "repository.delete", repository.Name, details: $"{blobCount} blob(s) referenced");
        return Results.NoContent();
    }

    /// <summary>The settings JSON of a repository: only the part of its type, with its format's defaults filled in.</summary>
    private static string ToStore(RepositoryFormats formats, string format, RepositoryType type, RepositorySettings settings) =>
        formats.Find(format)!.WithDefaults(type, settings.ForType(type)).ToJson();

    private static IResult Exists(string name) =>
        Results.Problem(statusCode: 409, title: "Repository exists", detail: $"A repository named '{name}' already exists.");

    private static GroupSettings? Normalized(GroupSettings? group) =>
        group is null ? null : group with { Members = group.Members.Select(RepositoryName.Normalize).ToList() };

    internal static Task<Repository?> FindAsync(ArtifactHubDbContext db, string name, CancellationToken cancellationToken) =>
        db.Repositories.AsNoTracking().FirstOrDefaultAsync(r => r.Name == RepositoryName.Normalize(name), cancellationToken);

    internal static IResult NotFound(string name) =>
        Results.Problem(statusCode: 404, title: "Repository not found", detail: $"There is no repository named '{name}'.");
}
