using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Formats;
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

        var method = context.Request.Method;
        if (method == "PUT" && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null; // the format enforces its own limit while it streams the body
        }

        var request = new ContentRequest(repo, method, path, context.Request.Body, context.Request.ContentLength, context.User.Identity?.Name);
        return await handlers.AnswerAsync(request, cancellationToken);
    }
}
