using ArtifactHub.Core.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtifactHub.Server.Hosting;

internal sealed class BlobStoreHealthCheck(IBlobStore blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await blobs.CheckAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("blob store cannot be written", e);
        }
    }
}
