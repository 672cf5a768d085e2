using Microsoft.AspNetCore.Antiforgery;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>
/// A change (POST, PUT, PATCH, DELETE) made with the session cookie, which a browser sends on its own, must carry the
/// antiforgery token from <c>GET /api/v1/session/antiforgery</c> in <see cref="HeaderName"/>; a change made with a Bearer
/// token or typed-in Basic credentials need not. One check for every endpoint, present and future, rather than a filter
/// each endpoint must remember; an endpoint opts out with <c>DisableAntiforgery()</c> (only the sign-in itself).
/// Basic credentials a browser has remembered are ambient too: a change with them that the browser marks as coming from
/// another site (<c>Sec-Fetch-Site</c>, which the go command and curl never send) is refused as well.
/// </summary>
public sealed class SessionAntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-XSRF-TOKEN";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!Changes(context.Request) || context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: false })
        {
            await next(context);
            return;
        }

        var scheme = context.User.Identity is { IsAuthenticated: true } identity ? identity.AuthenticationType : null;
        if (scheme == ArtifactHubSchemes.Session && !await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Antiforgery token missing or invalid",
                detail: $"A change made with the session cookie needs the token from GET /api/v1/session/antiforgery (fetched after signing in) in the {HeaderName} header.")
                .ExecuteAsync(context);
            return;
        }

        if (scheme == ArtifactHubSchemes.Basic && FromAnotherSite(context.Request))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Cross-site request refused",
                detail: "A change made with credentials the browser remembered may not come from another site.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool Changes(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));

    private static bool FromAnotherSite(HttpRequest request) =>
        request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site";
}
