using System.Net;

namespace ArtifactHub.Cluster.Tests;

/// <summary>A proxy repository fetches an uncached file from its upstream once, however many nodes are asked for it at once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ProxySingleFlightAcrossNodesTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Thirty_concurrent_GETs_of_one_uncached_zip_over_three_nodes_reach_the_upstream_once_and_all_get_its_bytes()
    {
        const string module = "example.com/cluster/flight";
        const string zipPath = $"{module}/@v/v1.0.0.zip";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0", null, ("f.go", "package flight\n"));
        await using var upstream = await CountingGoProxy.StartAsync();
        upstream.Add(zipPath, zip);
        await cluster.CreateRepositoryAsync(new
        {
            name = "flight",
            format = "go",
            type = "proxy",
            proxy = new { upstream = upstream.BaseUrl, metadataMaxAgeMinutes = 0, negativeCacheMinutes = 0, connectTimeoutSeconds = 2, readTimeoutSeconds = 30 },
        });

        using var start = new SemaphoreSlim(0);
        var gets = Enumerable.Range(0, 30).Select(async i =>
        {
            var uri = ClusterFixture.VersionUri(cluster.NodeRoot(i % ClusterFixture.NodeCount), module, "v1.0.0", ".zip", repository: "flight");
            await start.WaitAsync();
            using var response = await cluster.Http.GetAsync(uri);
            return (Node: i % ClusterFixture.NodeCount + 1, response.StatusCode, Bytes: await response.Content.ReadAsByteArrayAsync());
        }).ToList();
        start.Release(gets.Count);
        var answers = await Task.WhenAll(gets);

        var failures = answers.Where(a => a.StatusCode != HttpStatusCode.OK || !a.Bytes.AsSpan().SequenceEqual(zip)).ToList();
        Assert.True(failures.Count == 0,
            $"{failures.Count} of 30 GETs did not get the upstream's zip: {string.Join("; ", failures.Select(f => $"node {f.Node}: {(int)f.StatusCode} ({f.Bytes.Length} bytes)"))}\n{cluster.LogTail()}");
        Assert.True(upstream.Hits(zipPath) == 1,
            $"the upstream was asked {upstream.Hits(zipPath)} times for {zipPath}, expected once for the whole cluster\n{cluster.LogTail()}");
    }
}
