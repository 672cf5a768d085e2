using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ArtifactHub.Cluster.Tests;

/// <summary>A node killed (SIGKILL) in the middle of a large upload: the cluster keeps serving and nothing of the upload survives.</summary>
[Collection(ClusterCollection.Name)]
public sealed class KilledNodeDuringUploadTests(ClusterFixture cluster)
{
    private const int Victim = 1; // node 2
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task A_node_killed_during_a_200_MiB_upload_leaves_the_others_serving_and_no_row_partial_file_or_orphan_blob_behind()
    {
        const string steady = "example.com/cluster/steady";
        var steadyZip = ModuleZipBuilder.Simple(steady, "v1.0.0", null, ("s.go", "package steady\n"));
        using (var content = new ByteArrayContent(steadyZip))
        {
            using var published = await cluster.PutZipAsync(cluster.Balancer, steady, "v1.0.0", content);
            Assert.True(published.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"publishing {steady} answered {(int)published.StatusCode}\n{cluster.LogTail()}");
        }

        const string big = "example.com/cluster/big";
        using var zip = new LargeModuleZip(big, "v1.0.0", sizeMiB: 200);
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var body = new PausingFileContent(zip.Path, pauseAfter: 50 * MiB, killed.Task);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var upload = SendAsync(cluster.PutZipAsync(cluster.NodeRoot(Victim), big, "v1.0.0", body));

        await body.Paused.WaitAsync(TimeSpan.FromSeconds(60));
        cluster.KillNode(Victim);
        try
        {
            killed.SetResult();
            var answer = await upload.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(answer is not (HttpStatusCode.Created or HttpStatusCode.OK),
                $"the upload to the killed node answered {answer} after {body.BytesSent / MiB} MiB of {zip.Length / MiB} MiB\n{cluster.LogTail()}");

            // The other nodes keep serving through nginx, which skips the dead one.
            for (var i = 1; i <= 20; i++)
            {
                using var response = await cluster.Http.GetAsync(ClusterFixture.VersionUri(cluster.Balancer, steady, "v1.0.0", ".zip"));
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK && bytes.AsSpan().SequenceEqual(steadyZip),
                    $"GET {i} of 20 through nginx with node {Victim + 1} dead answered {(int)response.StatusCode} ({bytes.Length} bytes)\n{cluster.LogTail()}");
            }

            // The crash did leave something to clean: the upload's partial staged file.
            var staging = Path.Combine(cluster.Node(Victim).DataDir, "tmp");
            var partial = Directory.Exists(staging) ? Directory.GetFiles(staging, "*", SearchOption.AllDirectories) : [];
            Assert.True(partial.Length > 0, $"no partial staged file in {staging} after the kill: the test would prove nothing");

            Assert.Equal(0, await cluster.ComponentRowsAsync(big, "v1.0.0"));
            Assert.Empty(await cluster.AssetRowsAsync(big, "v1.0.0"));

            // Back on its data dir, a collection run clears what the crash left: the partial staged file and any stray blob.
            await cluster.RestartNodeAsync(Victim);
            var clock = Stopwatch.StartNew();
            string report;
            string[] leftovers;
            List<string> orphans;
            do
            {
                // Files and blobs younger than the grace period (2 s) are spared: ask again for a few seconds.
                report = await CollectGarbageAsync(cluster.NodeRoot(Victim));
                leftovers = Directory.Exists(staging) ? Directory.GetFiles(staging, "*", SearchOption.AllDirectories) : [];
                var referenced = await cluster.ReferencedBlobsAsync();
                orphans = [.. (await cluster.ContainerBlobsAsync()).Where(name => !referenced.Contains(name[(name.LastIndexOf('/') + 1)..]))];
            }
            while ((leftovers.Length > 0 || orphans.Count > 0) && clock.Elapsed < TimeSpan.FromSeconds(10) && await Delay(TimeSpan.FromSeconds(1)));

            Assert.True(leftovers.Length == 0,
                $"{staging} still holds {string.Join(", ", leftovers.Select(f => $"{Path.GetFileName(f)} ({new FileInfo(f).Length / MiB} MiB)"))} after blob-gc ({report})");
            Assert.True(orphans.Count == 0, $"the container holds {orphans.Count} blobs no asset refers to after blob-gc ({report}): {string.Join(", ", orphans)}");
        }
        finally
        {
            await cluster.EnsureAllNodesRunAsync(); // for the next test, whatever happened
        }
    }

    /// <summary>POST /api/v1/maintenance/blob-gc as admin; insists on 200 with the run's figures, which it returns as text.</summary>
    private async Task<string> CollectGarbageAsync(Uri node)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, "api/v1/maintenance/blob-gc"));
        request.Headers.Authorization = cluster.AdminAuth;
        using var response = await cluster.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /api/v1/maintenance/blob-gc answered {(int)response.StatusCode}: {text}\n{cluster.LogTail()}");
        using var json = JsonDocument.Parse(text);
        foreach (var figure in new[] { "examined", "deleted", "bytesFreed", "stagedFilesDeleted" })
        {
            Assert.True(json.RootElement.TryGetProperty(figure, out _), $"blob-gc's answer has no '{figure}': {text}");
        }

        return text;
    }

    /// <summary>The upload's status, or null when the connection broke (the node died under it).</summary>
    private static async Task<HttpStatusCode?> SendAsync(Task<HttpResponseMessage> sending)
    {
        try
        {
            using var response = await sending;
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return null;
        }
    }

    private static async Task<bool> Delay(TimeSpan delay)
    {
        await Task.Delay(delay);
        return true;
    }
}
