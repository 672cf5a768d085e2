using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Core.Security;
using ArtifactHub.Server.Auth;
using ArtifactHub.Server.Downloads;
using ArtifactHub.Server.Endpoints.Security;
using Microsoft.AspNetCore.Http.Features;

namespace ArtifactHub.Server.Endpoints;

/// <summary><c>/repository/{name}/…</c>: each repository's content URL, answered by its format's handler for its type.</summary>
public static class ContentEndpoints
{
    public static IEndpointRouteBuilder MapContentEndpoints(this IEndpointRouteBuilder app)
    {
        const string route = "/repository/{repository}/{**path}";
        app.MapMethods(route, [HttpMethods.Get, HttpMethods.Head], ServeAsync).RequireAuthorization(Policies.ReadRepository).ExcludeFromDescription();
        app.MapMethods(route, [HttpMethods.Put], ServeAsync).RequireAuthorization(Policies.WriteRepository).ExcludeFromDescription();
        app.MapMethods(route, [HttpMethods.Delete], ServeAsync).RequireAuthorization(Policies.DeleteRepository).ExcludeFromDescription();
        return app;
    }

    private static async Task ServeAsync(
        HttpContext context,
        string repository,
        string? path,
        IRepositoryDirectory repositories,
        RepositoryHandlers handlers,
        IBlobStore blobs,
        IAuditLog audit,
        DownloadCounter downloads,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var response = await AnswerAsync(context, repository, path ?? "", repositories, handlers, cancellationToken);
        await ContentResponseWriter.WriteAsync(context, response, blobs, cancellationToken);
        if (response.DownloadOfComponent is { } component && HttpMethods.IsGet(context.Request.Method)
            && context.Response.StatusCode == StatusCodes.Status200OK && !context.RequestAborted.IsCancellationRequested)
        {
            downloads.Record(component); // sent in full: not a HEAD, a 304, a range or a client that went away
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            var action = HttpMethods.IsPut(context.Request.Method) ? "content.upload" : "content.delete";
            // The answer is already on its way: a failing audit write is logged, not turned into a 500.
            await audit.TryRecordAsync(
                context, loggers.CreateLogger(typeof(ContentEndpoints)), action, $"{RepositoryName.Normalize(repository)}/{path}",
                response.Status is >= 200 and < 300, $"answered {response.Status}");
        }
    }

    private static async Task<ContentResponse> AnswerAsync(
        HttpContext context, string repositoryName, string path, IRepositoryDirectory repositories, RepositoryHandlers handlers, CancellationToken cancellationToken)
    {
        var repository = await repositories.FindAsync(repositoryName, cancellationToken);
        if (repository is null)
        {
            return ContentResponse.NotFound($"repository {repositoryName} not found");
        }

        var method = context.Request.Method;
        if (method == "PUT" && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null; // the format enforces its own limit while it streams the body
        }

        var request = new ContentRequest(repository, method, path, context.Request.Body, context.Request.ContentLength, context.User.Identity?.Name)
        {
            Accept = context.Request.Headers.Accept.ToString(),
        };
        return await handlers.AnswerAsync(request, cancellationToken);
    }
}
