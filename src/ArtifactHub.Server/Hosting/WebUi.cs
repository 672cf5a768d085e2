using Microsoft.Net.Http.Headers;

namespace ArtifactHub.Server.Hosting;

/// <summary>
/// The browser UI: the single-page app that web/ builds into wwwroot, served at <c>/ui/</c> with no sign-in needed for
/// its files (it holds no data; everything it shows comes from /api/v1, which checks the caller). Every path under
/// /ui/ that is not a file answers index.html, so the app's own links can be opened, bookmarked and reloaded.
/// </summary>
public static class WebUi
{
    public const string PathPrefix = "/ui";

    /// <summary>The app's own code only: no inline script, no other origin (it runs where there is no internet).</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    public static WebApplication UseWebUiFiles(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = PathPrefix,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                {
                    SetPageHeaders(headers); // /ui/index.html asked for by name is the same page as /ui/
                    return;
                }

                // Vite names each bundle by its content hash: a name never changes its bytes.
                headers.CacheControl = context.Context.Request.Path.StartsWithSegments($"{PathPrefix}/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
                headers.XContentTypeOptions = "nosniff";
            },
        });
        return app;
    }

    public static IEndpointRouteBuilder MapWebUi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpRequest request) => Results.Redirect($"{request.PathBase}{PathPrefix}/"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet($"{PathPrefix}/{{**path}}", ServeIndex).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult ServeIndex(string? path, HttpContext context, IWebHostEnvironment environment)
    {
        if (path is not null && path.StartsWith("assets/", StringComparison.Ordinal))
        {
            return Results.NotFound(); // a bundle that is not there is not a page
        }

        var index = environment.WebRootFileProvider.GetFileInfo("index.html");
        if (!index.Exists)
        {
            return Results.Text(
                "The web UI is not built into this server. Its build runs `npm ci` and `npm run build` in web/ (it needs Node.js 20 and npm);\n" +
                "build the server again with npm on the PATH. The API (/api/v1) and the repositories (/repository/…) work without it.\n",
                "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status404NotFound);
        }

        SetPageHeaders(context.Response.Headers);
        return Results.Stream(index.CreateReadStream(), "text/html; charset=utf-8");
    }

    private static void SetPageHeaders(IHeaderDictionary headers)
    {
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers["Referrer-Policy"] = "same-origin";
    }
}
