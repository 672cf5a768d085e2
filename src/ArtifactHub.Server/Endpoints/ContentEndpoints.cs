using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Data;
using ArtifactHub.Server.Auth;
using Microsoft.AspNetCore.Http.Features;

namespace ArtifactHub.Server.Endpoints;

/// <summary><c>/repository/{name}/…</c>: each repository's content URL, answered by its format's handler for its type.</summary>
public static class ContentEndpoints
{
    public static IEndpointRouteBuilder MapContentEndpoints(this IEndpointRouteBuilder app)
    {
        const string route = "/repository/{repository}/{**path}";
        app.MapMethods(route, [HttpMethods.Get, HttpMethods.Head], ServeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods(route, [HttpMethods.Put, HttpMethods.Delete], ServeAsync).RequireAuthorization(Policies.WriteContent).ExcludeFromDescription();
        return app;
    }

    private static async Task ServeAsync(
        HttpContext context,
        string repository,
        string? path,
        ArtifactHubDbContext db,
        RepositoryCache repositories,
        RepositoryHandlers handlers,
        IBlobStore blobs,
        CancellationToken cancellationToken)
    {
        var response = await AnswerAsync(context, repository, path ?? "", db, repositories, handlers, cancellationToken);
        await ContentResponseWriter.WriteAsync(context, response, blobs, cancellationToken);
    }

    private static async Task<ContentResponse> AnswerAsync(
        HttpContext context, string repositoryName, string path, ArtifactHubDbContext db, RepositoryCache repositories, RepositoryHandlers handlers, CancellationToken cancellationToken)
    {
        var repo = await repositories.FindAsync(db, repositoryName, cancellationToken);
        if (repo is null)
        {
            return ContentResponse.NotFound($"repository {repositoryName} not found");
        }

        // An offline proxy still serves what it has cached; its handler stops asking the upstream.
        if (!repo.Online && repo.Type != RepositoryType.Proxy)
        {
            return ContentResponse.Text(503, $"repository {repo.Name} is offline");
        }

        var method = context.Request.Method;
        if (method is "PUT" or "DELETE" && repo.Type != RepositoryType.Hosted)
        {
            return ContentResponse.Text(405, $"repository {repo.Name} is a {repo.Type.ToString().ToLowerInvariant()} repository: publish to a hosted repository");
        }

        var handler = handlers.Find(repo);
        if (handler is null)
        {
            return ContentResponse.Text(501, $"repository {repo.Name}: {repo.Format} {repo.Type.ToString().ToLowerInvariant()} repositories are not supported by this server");
        }

        if (method == "PUT" && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null; // the format enforces its own limit while it streams the body
        }

        var request = new ContentRequest(repo, method, path, context.Request.Body, context.Request.ContentLength, context.User.Identity?.Name);
        return await handler.HandleAsync(request, cancellationToken);
    }
}
