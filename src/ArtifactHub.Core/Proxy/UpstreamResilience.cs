using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;

namespace ArtifactHub.Core.Proxy;

/// <summary>
/// Retries with jitter and a circuit breaker around the request/headers phase of upstream GETs (never the body).
/// One breaker per origin (scheme, host, port): a dead checksum database does not stop the module proxy on
/// another host, and every repository in front of one upstream shares what is known about it.
/// </summary>
public sealed class UpstreamResilience(IOptions<UpstreamOptions> options) : IDisposable
{
    /// <summary>The caller's own token: its cancellation is not the upstream's fault, a timeout is.</summary>
    private static readonly ResiliencePropertyKey<CancellationToken> CallerToken = new("ArtifactHub.CallerToken");

    private readonly ResiliencePipelineRegistry<string> pipelines = new();

    /// <summary>scheme://host[:port], without user info or path: what a breaker is kept for.</summary>
    public static string Origin(Uri url) => url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

    /// <summary>
    /// Sends with retries under the breaker of the URL's origin. <paramref name="attemptToken"/> bounds all attempts
    /// together (the repository's timeouts); <paramref name="callerToken"/> is the caller's own.
    /// Throws <see cref="UpstreamBrokenException"/> without sending anything while the breaker is open.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Uri url, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken attemptToken, CancellationToken callerToken)
    {
        var origin = Origin(url);
        var pipeline = pipelines.GetOrAddPipeline<HttpResponseMessage>(origin, (builder, _) => Configure(builder, options.Value));
        var context = ResilienceContextPool.Shared.Get(attemptToken);
        context.Properties.Set(CallerToken, callerToken);
        try
        {
            return await pipeline.ExecuteAsync(static async (ctx, send) => await send(ctx.CancellationToken), context, send);
        }
        catch (BrokenCircuitException e)
        {
            var seconds = e.RetryAfter is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : options.Value.BreakSeconds;
            throw new UpstreamBrokenException(origin, seconds, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose() => pipelines.Dispose();

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, UpstreamOptions o)
    {
        // The breaker sits outside the retries: one request that still failed after its retries is one failure.
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = o.FailureRatio,
            SamplingDuration = TimeSpan.FromSeconds(o.SamplingSeconds),
            MinimumThroughput = o.MinimumThroughput,
            BreakDuration = TimeSpan.FromSeconds(o.BreakSeconds),
            ShouldHandle = args => ValueTask.FromResult(IsUpstreamFailure(args.Outcome, args.Context)),
        });
        if (o.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(o.RetryBaseDelayMilliseconds),
                ShouldHandle = args => ValueTask.FromResult(IsWorthRetrying(args.Outcome)), // Polly disposes the failed response before the next attempt
            });
        }
    }

    /// <summary>
    /// Connection failures and 5xx/408/429 are retried. Timeouts are not: the repository's timeout bounds all
    /// attempts together, and a hung upstream would only be asked again to hang again. 404/410 and other 4xx
    /// are answers, not accidents.
    /// </summary>
    private static bool IsWorthRetrying(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => IsTransient(response.StatusCode),
        { Exception: HttpRequestException e } => e.InnerException is not TimeoutException, // a connect timeout
        _ => false,
    };

    /// <summary>What counts against an upstream's breaker: connection failures, timeouts and 5xx/408/429 answers.</summary>
    private static bool IsUpstreamFailure(Outcome<HttpResponseMessage> outcome, ResilienceContext context) => outcome switch
    {
        { Result: { } response } => IsTransient(response.StatusCode),
        { Exception: HttpRequestException } => true,
        { Exception: OperationCanceledException } => !context.Properties.GetValue(CallerToken, CancellationToken.None).IsCancellationRequested,
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}

/// <summary>The breaker of an upstream is open: nothing was sent.</summary>
public sealed class UpstreamBrokenException(string origin, int seconds, Exception inner)
    : Exception($"upstream {origin} is failing; not asked again for {seconds} s", inner);
