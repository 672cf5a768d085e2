using ArtifactHub.Core.Blobs;
using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtifactHub.Server.Hosting;

/// <summary>
/// What /readyz asks, each given at most <see cref="Timeout"/>: a black-holed database or blob service makes the node
/// not ready within seconds instead of hanging the probe. Nothing is cached, so the next probe sees a recovery.
/// </summary>
public static class ReadinessChecks
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="check"/>, giving up (unhealthy) after <see cref="Timeout"/> even if it ignores its token.</summary>
    public static async Task<HealthCheckResult> BoundedAsync(string what, Func<CancellationToken, Task> check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await check(timeout.Token).WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is TimeoutException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{what} did not answer within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{what}: {e.Message}", e);
        }
    }
}

internal sealed class DatabaseHealthCheck(ArtifactHubDbContext db) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        ReadinessChecks.BoundedAsync("the database", async token =>
        {
            if (!await db.Database.CanConnectAsync(token))
            {
                throw new InvalidOperationException("cannot connect");
            }
        }, cancellationToken);
}

internal sealed class BlobStoreHealthCheck(IBlobStore blobs) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        ReadinessChecks.BoundedAsync("the blob store", blobs.CheckAsync, cancellationToken);
}
