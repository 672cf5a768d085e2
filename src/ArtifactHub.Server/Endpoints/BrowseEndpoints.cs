using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Group;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Server.Auth;

namespace ArtifactHub.Server.Endpoints;

/// <summary>
/// <c>/api/v1/repositories/{name}/{view}/{path}</c>: browse what a repository holds, in the views its format answers
/// (Go: <c>modules</c>, <c>versions</c>, <c>files</c>; raw: <c>tree</c>). A group answers from its members, each thing
/// from the first member that holds it. Browsing reads only what is stored: it never asks a proxy's upstream.
/// </summary>
public static class BrowseEndpoints
{
    public static IEndpointRouteBuilder MapBrowseEndpoints(this IEndpointRouteBuilder app)
    {
        IReadOnlyCollection<string> views;
        using (var scope = app.ServiceProvider.CreateScope())
        {
            views = scope.ServiceProvider.GetRequiredService<RepositoryFormats>().Views;
        }

        var group = app.MapGroup("/api/v1/repositories/{name}").RequireAuthorization(Policies.ReadRepository).WithTags("Browse");
        foreach (var view in views)
        {
            // The view itself (Go: every module; raw: the root) and what lies below it.
            foreach (var route in new[] { $"/{view}", $"/{view}/{{**path}}" })
            {
                group.MapGet(route, (string name, string? path, HttpContext context, IRepositoryDirectory directory, RepositoryFormats formats, GroupWalker groups,
                    CancellationToken cancellationToken, string? search = null, int page = 1, int pageSize = 50) =>
                    BrowseAsync(name, view, path ?? "", new BrowseQuery(search, page, pageSize), context, directory, formats, groups, cancellationToken));
            }
        }

        return app;
    }

    private sealed record BrowseQuery(string? Search, int Page, int PageSize);

    private static async Task<IResult> BrowseAsync(
        string name, string view, string path, BrowseQuery query, HttpContext context, IRepositoryDirectory directory, RepositoryFormats formats, GroupWalker groups, CancellationToken cancellationToken)
    {
        if (Paging.Problem(query.Page, query.PageSize) is { } problem)
        {
            return problem;
        }

        if (await directory.FindAsync(name, cancellationToken) is not { } repository)
        {
            return RepositoryEndpoints.NotFound(name);
        }

        if (formats.BrowserOf(repository.Format) is not { } browser || !browser.Views.Contains(view))
        {
            return Results.Problem(statusCode: 404, title: "Nothing to browse here", detail: $"Repository '{repository.Name}' is a {repository.Format} repository: it has no '{view}'.");
        }

        var sources = await groups.SourcesAsync(repository, cancellationToken);
        var answer = await browser.BrowseAsync(new BrowseRequest(repository, sources, view, path, query.Search, query.Page, query.PageSize), cancellationToken);
        return answer switch
        {
            BrowseAnswer.Found found => Results.Ok(found.Value),
            BrowseAnswer.Text text => TextFile(context, text.Content),
            BrowseAnswer.Problem p => Results.Problem(statusCode: p.Status, title: p.Title, detail: p.Detail),
            _ => throw new InvalidOperationException($"unknown browse answer {answer.GetType().Name}"),
        };
    }

    /// <summary>Stored text as text/plain that a browser will neither sniff nor run (a module's .html must not become a page of this origin).</summary>
    private static IResult TextFile(HttpContext context, byte[] content)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return Results.Bytes(content, "text/plain; charset=utf-8");
    }
}
