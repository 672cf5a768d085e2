namespace ArtifactHub.E2E.Infrastructure;

/// <summary>
/// Two real servers: A (<see cref="Upstream"/>, modules in its go-hosted) and B (this fixture), on which a proxy
/// repository <c>up</c> caches A's go-hosted. Tests can stop A for good to see what B still serves.
/// </summary>
public abstract class UpstreamProxyFixture : HostedGoServerFixture
{
    public const string ProxyRepository = "up";

    private readonly Lock _gate = new();
    private bool _upstreamStopped;

    public HostedGoServerFixture Upstream { get; } = new();

    /// <summary>B's GOPROXY URL for the proxy repository.</summary>
    public string UpProxyUrl => this.ProxyUrl(ProxyRepository);

    /// <summary>How B is named in failure messages.</summary>
    protected virtual string Label => "proxy B";

    public override async Task InitializeAsync()
    {
        await Task.WhenAll(base.InitializeAsync(), Upstream.InitializeAsync());
        await CreateUpProxyAsync(Upstream.GoProxyUrl + "/");
    }

    /// <summary>Creates the proxy repository <c>up</c> on B for A's go-hosted.</summary>
    protected virtual Task CreateUpProxyAsync(string upstreamUrl) => this.CreateGoProxyAsync(ProxyRepository, upstreamUrl);

    public override async Task DisposeAsync()
    {
        try
        {
            await StopUpstreamAsync();
        }
        finally
        {
            await base.DisposeAsync();
        }
    }

    /// <summary>Kills A for good (and deletes its data).</summary>
    public async Task StopUpstreamAsync()
    {
        lock (_gate)
        {
            if (_upstreamStopped)
            {
                return;
            }

            _upstreamStopped = true;
        }

        await Upstream.DisposeAsync();
    }

    public override string ServerLogTail(int maxChars = 6000) =>
        $"=== upstream A ===\n{Upstream.ServerLogTail(maxChars / 2)}\n=== {Label} ===\n{base.ServerLogTail(maxChars / 2)}";

    /// <summary>Starts <paramref name="start"/> once per fixture, whichever test asks first; later callers share its task.</summary>
    protected Task<T> Once<T>(ref Task<T>? slot, Func<Task<T>> start)
    {
        lock (_gate)
        {
            return slot ??= start();
        }
    }
}
