namespace ArtifactHub.Core.Proxy;

/// <summary>How one upstream fetch ended; shared by every request that waited for it.</summary>
public abstract record ProxyFetchOutcome
{
    public sealed record Stored : ProxyFetchOutcome;

    public sealed record Missing : ProxyFetchOutcome;

    public sealed record Failed(int Status, string Message) : ProxyFetchOutcome;
}
