using ArtifactHub.Server.Auth;

namespace ArtifactHub.Server.Bundles;

/// <summary><c>/api/v1/bundles</c>: what transfer bundles need from this server.</summary>
public static class BundleEndpoints
{
    public static IEndpointRouteBuilder MapBundleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/bundles").WithTags("Bundles");

        // The public half only: what an importing server adds to ArtifactHub:Bundles:TrustedKeys.
        group.MapGet("/key", async (ServerSigningKey key, CancellationToken cancellationToken) =>
            await key.VerifierKeyAsync(cancellationToken) is { } verifierKey
                ? Results.Ok(new BundleKeyResponse(verifierKey))
                : Results.Problem(statusCode: 503, title: "No signing key yet", detail: "The server makes its signing key when it starts; try again once it is ready."))
            .RequireAuthorization(Policies.AnyCaller);
        return app;
    }
}

/// <param name="VerifierKey">The server's bundle-signing key as a note verifier key, <c>name+hash+base64</c>.</param>
public sealed record BundleKeyResponse(string VerifierKey);
