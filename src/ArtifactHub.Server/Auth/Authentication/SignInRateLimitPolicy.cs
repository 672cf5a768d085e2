using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>
/// Session sign-ins per client address: <see cref="AttemptsPerWindow"/> a minute, successful or not (a fixed window),
/// then 429 with Retry-After. Behind a reverse proxy the address is the proxy's unless forwarded headers are trusted.
/// </summary>
public sealed class SignInRateLimitPolicy : IRateLimiterPolicy<string>
{
    public const string Name = "sign-in";
    public const int AttemptsPerWindow = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(FailedPasswordLimiter.AddressOf(httpContext), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = AttemptsPerWindow,
            Window = Window,
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many sign-in attempts",
            detail: $"Too many sign-in attempts from this address: try again in {seconds} seconds.")
            .ExecuteAsync(context.HttpContext);
    }
}
