using ArtifactHub.Core.Security;
using ArtifactHub.Server.Auth;
using ArtifactHub.Server.Endpoints.Security;

namespace ArtifactHub.Server.Maintenance;

public static class MaintenanceEndpoints
{
    /// <summary><c>POST /api/v1/maintenance/blob-gc</c>: collect now and answer what was done (409 while another node collects).</summary>
    public static IEndpointRouteBuilder MapMaintenanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/maintenance/blob-gc", CollectAsync).RequireAuthorization(Policies.ManageRepositories).WithTags("Maintenance");
        return app;
    }

    private static async Task<IResult> CollectAsync(BlobGarbageCollector collector, IAuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await collector.RunAsync(cancellationToken);
        if (result is null)
        {
            return Results.Problem(statusCode: 409, title: "Garbage collection is running", detail: "Another node is collecting blobs now; try again when it is done.");
        }

        await audit.RecordAsync(context, "maintenance.blob-gc", null, details: $"deleted {result.Deleted} blob(s), {result.BytesFreed} bytes, {result.StagedFilesDeleted} staged file(s)");
        return Results.Ok(result);
    }
}
