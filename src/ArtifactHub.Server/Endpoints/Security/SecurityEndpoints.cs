namespace ArtifactHub.Server.Endpoints.Security;

/// <summary><c>/api/v1/security/…</c>, <c>/api/v1/me</c> and <c>/api/v1/audit</c>.</summary>
public static class SecurityEndpoints
{
    public static IEndpointRouteBuilder MapSecurityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapUserEndpoints();
        app.MapRoleEndpoints();
        app.MapTokenEndpoints();
        app.MapMeEndpoints();
        app.MapSecuritySettingsEndpoints();
        app.MapAuditEndpoints();
        return app;
    }
}
