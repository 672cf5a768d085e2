namespace ArtifactHub.Core.Proxy;

/// <summary>
/// How upstream GETs are retried and when an upstream is left alone for a while (configuration
/// "ArtifactHub:Upstream"). The same for every repository; the breakers are kept per upstream origin.
/// </summary>
public sealed class UpstreamOptions
{
    public const string Section = "ArtifactHub:Upstream";

    /// <summary>Extra attempts after a connection failure or a 5xx/408/429 answer; 0 turns retrying off.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>The first retry waits about this long (with jitter), each further one about twice as long.</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 150;

    /// <summary>The share of failed requests (within the sampling time) that opens an upstream's breaker.</summary>
    public double FailureRatio { get; set; } = 0.5;

    public int SamplingSeconds { get; set; } = 30;

    /// <summary>Fewer requests than this within the sampling time never open the breaker.</summary>
    public int MinimumThroughput { get; set; } = 5;

    /// <summary>How long an upstream whose breaker opened is not asked; then one request probes it.</summary>
    public int BreakSeconds { get; set; } = 30;

    public const string Rules =
        "ArtifactHub:Upstream needs Retries 0-10, RetryBaseDelayMilliseconds 0-10000, FailureRatio above 0 and at most 1, "
        + "SamplingSeconds 1-3600, MinimumThroughput 2 or more, BreakSeconds 1-3600.";

    public bool IsValid() =>
        Retries is >= 0 and <= 10
        && RetryBaseDelayMilliseconds is >= 0 and <= 10_000
        && FailureRatio is > 0 and <= 1
        && SamplingSeconds is >= 1 and <= 3600
        && MinimumThroughput >= 2
        && BreakSeconds is >= 1 and <= 3600;
}
