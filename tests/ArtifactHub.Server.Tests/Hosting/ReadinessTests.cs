using System.Diagnostics;
using System.Net;
using ArtifactHub.Core.Blobs;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Server.Tests.Hosting;

/// <summary>/readyz answers within its time bound when a dependency hangs, and is ready again once it answers.</summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly ArtifactHubFactory factory = new();

    [Fact]
    public async Task A_blob_store_that_hangs_makes_the_node_not_ready_within_seconds_and_ready_again_when_it_answers()
    {
        var hanging = new HangingBlobStore(new FileSystemBlobStore(factory.BlobDir));
        using var server = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IBlobStore>(hanging)));
        var client = server.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);

        var clock = Stopwatch.StartNew();
        using var notReady = await client.GetAsync("/readyz");
        clock.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");

        hanging.Hang = false;
        using var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    public void Dispose() => factory.Dispose();

    /// <summary>A store whose readiness check never returns (and ignores cancellation) while <see cref="Hang"/> is set, like a black-holed service.</summary>
    private sealed class HangingBlobStore(IBlobStore inner) : IBlobStore
    {
        public volatile bool Hang = true;

        public Task CheckAsync(CancellationToken cancellationToken) => Hang ? Task.Delay(Timeout.Infinite, CancellationToken.None) : inner.CheckAsync(cancellationToken);

        public Task<BlobPutStatus> PutAsync(StagedFile staged, CancellationToken cancellationToken) => inner.PutAsync(staged, cancellationToken);

        public Task<BlobContent?> OpenReadAsync(string sha256, CancellationToken cancellationToken) => inner.OpenReadAsync(sha256, cancellationToken);

        public Task<BlobContent?> OpenReadAsync(string sha256, BlobRange range, CancellationToken cancellationToken) => inner.OpenReadAsync(sha256, range, cancellationToken);

        public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) => inner.ExistsAsync(sha256, cancellationToken);


        public IAsyncEnumerable<StoredBlob> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

        public Task<bool> DeleteIfUnchangedAsync(StoredBlob blob, CancellationToken cancellationToken) => inner.DeleteIfUnchangedAsync(blob, cancellationToken);
    }
}
