using System.Diagnostics;
using System.Net;

namespace ArtifactHub.Cluster.Tests;

/// <summary>
/// /readyz tells the load balancer whether a node can serve: every node says 503 while the database or the blob store
/// is down and 200 once it is back; /healthz (the process lives) stays 200 throughout.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReadinessTests(ClusterFixture cluster)
{
    private static readonly TimeSpan NoticeWithin = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RecoverWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public Task Every_node_is_unready_while_PostgreSQL_is_stopped_and_ready_again_when_it_is_back() =>
        AssertUnreadyWhileStoppedAsync("PostgreSQL", cluster.Postgres.Stop, () =>
        {
            cluster.Postgres.Start();
            return Task.CompletedTask;
        });

    [Fact]
    public Task Every_node_is_unready_while_Azurite_is_stopped_and_ready_again_when_it_is_back() =>
        AssertUnreadyWhileStoppedAsync("Azurite", cluster.Azurite.Stop, cluster.Azurite.StartAsync);

    /// <summary>Every node is ready, unready (yet alive) while <paramref name="dependency"/> is stopped, and ready again once it is started.</summary>
    private async Task AssertUnreadyWhileStoppedAsync(string dependency, Action stop, Func<Task> start)
    {
        await AssertEveryNodeAsync(HttpStatusCode.OK, RecoverWithin, $"before stopping {dependency}");
        stop();
        try
        {
            await AssertEveryNodeAsync(HttpStatusCode.ServiceUnavailable, NoticeWithin, $"with {dependency} stopped");
            await AssertAliveAsync($"with {dependency} stopped");
        }
        finally
        {
            await start();
        }

        await AssertEveryNodeAsync(HttpStatusCode.OK, RecoverWithin, $"after {dependency} was started again");
    }

    /// <summary>Polls every node's /readyz until each has answered <paramref name="expected"/>, for at most <paramref name="within"/>.</summary>
    private async Task AssertEveryNodeAsync(HttpStatusCode expected, TimeSpan within, string when)
    {
        var clock = Stopwatch.StartNew();
        var last = new string[ClusterFixture.NodeCount];
        var pending = Enumerable.Range(0, ClusterFixture.NodeCount).ToHashSet();
        while (pending.Count > 0 && clock.Elapsed < within)
        {
            foreach (var node in pending.ToList())
            {
                var (status, text) = await GetAsync(node, "readyz");
                last[node] = text;
                if (status == expected)
                {
                    pending.Remove(node);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(250);
            }
        }

        Assert.True(pending.Count == 0,
            $"{when}: /readyz of node(s) {string.Join(", ", pending.Select(n => n + 1))} did not answer {(int)expected} within {within.TotalSeconds} s; last answers: " +
            $"{string.Join("; ", pending.Select(n => $"node {n + 1}: {last[n]}"))}\n{cluster.LogTail()}");
    }

    private async Task AssertAliveAsync(string when)
    {
        for (var node = 0; node < ClusterFixture.NodeCount; node++)
        {
            var (status, text) = await GetAsync(node, "healthz");
            Assert.True(status == HttpStatusCode.OK, $"{when}: /healthz of node {node + 1} answered {text}, expected 200");
        }
    }

    private async Task<(HttpStatusCode? Status, string Text)> GetAsync(int node, string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            using var response = await cluster.Http.GetAsync(new Uri(cluster.NodeRoot(node), path), timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return (response.StatusCode, $"{(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (null, $"no answer ({e.GetType().Name}: {e.Message})");
        }
    }
}
