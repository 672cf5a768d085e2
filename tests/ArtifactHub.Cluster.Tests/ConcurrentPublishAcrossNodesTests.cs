using System.Net;
using System.Net.Http.Headers;

namespace ArtifactHub.Cluster.Tests;

/// <summary>Publishers racing for one module version, each through a different node: one wins, nobody sees a 500.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConcurrentPublishAcrossNodesTests(ClusterFixture cluster)
{
    private const string Version = "v1.0.0";

    [Fact]
    public async Task The_same_bytes_sent_to_every_node_at_once_are_stored_once_and_every_publisher_hears_success()
    {
        for (var round = 1; round <= 3; round++)
        {
            var module = $"example.com/cluster/same{round}";
            var zip = ZipWithNoise(module, seed: round);

            var answers = await PublishEverywhereAtOnceAsync(module, [zip, zip, zip]);

            Assert.True(answers.Count(a => a.Status == HttpStatusCode.Created) == 1 && answers.All(a => a.Status is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict),
                $"round {round}: expected one 201 and the rest 200 (or 409), got {Describe(answers)}\n{cluster.LogTail()}");
            await AssertStoredOnceAsync(module, zip);
        }
    }

    [Fact]
    public async Task Different_bytes_sent_to_every_node_at_once_keep_the_first_and_refuse_the_others_with_409()
    {
        const string module = "example.com/cluster/different";
        byte[][] zips = [.. Enumerable.Range(1, ClusterFixture.NodeCount).Select(seed => ZipWithNoise(module, seed: 100 + seed))];

        var answers = await PublishEverywhereAtOnceAsync(module, zips);

        Assert.True(answers.Count(a => a.Status == HttpStatusCode.Created) == 1 && answers.Count(a => a.Status == HttpStatusCode.Conflict) == ClusterFixture.NodeCount - 1,
            $"expected one 201 and {ClusterFixture.NodeCount - 1} × 409, got {Describe(answers)}\n{cluster.LogTail()}");
        var winner = zips[answers.FindIndex(a => a.Status == HttpStatusCode.Created)];
        await AssertStoredOnceAsync(module, winner);
    }

    /// <summary>PUTs zip i to node i, all started together; returns each node's answer in node order.</summary>
    private async Task<List<(int Node, HttpStatusCode Status, string Body)>> PublishEverywhereAtOnceAsync(string module, byte[][] zips)
    {
        using var start = new SemaphoreSlim(0);
        var puts = Enumerable.Range(0, ClusterFixture.NodeCount).Select(async node =>
        {
            var root = cluster.NodeRoot(node);
            await start.WaitAsync();
            using var content = new ByteArrayContent(zips[node]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            using var response = await cluster.PutZipAsync(root, module, Version, content);
            return (Node: node + 1, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(ClusterFixture.NodeCount);
        return [.. await Task.WhenAll(puts)];
    }

    /// <summary>One component row, one row per asset path, and every node serves <paramref name="zip"/>.</summary>
    private async Task AssertStoredOnceAsync(string module, byte[] zip)
    {
        Assert.Equal(1, await cluster.ComponentRowsAsync(module, Version));
        var assets = await cluster.AssetRowsAsync(module, Version);
        Assert.Contains(assets, a => a.Path.EndsWith(".zip", StringComparison.Ordinal));
        Assert.All(assets, a => Assert.True(a.Rows == 1, $"asset {a.Path} has {a.Rows} rows"));
        for (var node = 0; node < ClusterFixture.NodeCount; node++)
        {
            Assert.Equal(zip, await cluster.Http.GetByteArrayAsync(ClusterFixture.VersionUri(cluster.NodeRoot(node), module, Version, ".zip")));
        }
    }

    /// <summary>A module zip with 1 MiB of random bytes in it, so an upload takes long enough for the three to overlap.</summary>
    private static byte[] ZipWithNoise(string module, int seed)
    {
        var noise = new byte[1 << 20];
        new Random(seed).NextBytes(noise);
        return ModuleZipBuilder.Simple(module, Version, null, ("a.go", "package a\n"), ("noise.txt", Convert.ToBase64String(noise)));
    }

    private static string Describe(IEnumerable<(int Node, HttpStatusCode Status, string Body)> answers) =>
        string.Join("; ", answers.Select(a => $"node {a.Node}: {(int)a.Status} {a.Body[..Math.Min(200, a.Body.Length)]}"));
}
