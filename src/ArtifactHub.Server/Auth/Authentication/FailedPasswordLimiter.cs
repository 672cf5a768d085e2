using System.Threading.RateLimiting;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>
/// Counts failed password sign-ins over HTTP Basic per client address (a fixed window of <see cref="Window"/>): past
/// <see cref="FailuresPerWindow"/>, passwords from that address are not even checked until the window ends (429).
/// Tokens are not counted: with 256 random bits they cannot be guessed, and a client stuck on a revoked token
/// should not lock out its neighbours behind the same address. Successful requests cost nothing here.
/// </summary>
public sealed class FailedPasswordLimiter : IDisposable
{
    public const int FailuresPerWindow = 30;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = FailuresPerWindow,
            Window = Window,
            QueueLimit = 0,
        }));

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Null while the address may still try; otherwise how long until it may (the end of the window).</summary>
    public TimeSpan? LockedOut(string address)
    {
        // Zero permits only asks whether any are left, and a refusal says when the window ends.
        using var lease = failures.AttemptAcquire(address, 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
    }

    public void Failed(string address)
    {
        using var lease = failures.AttemptAcquire(address);
    }

    public void Dispose() => failures.Dispose();
}
