using System.Net.Http.Json;
using ArtifactHub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>The same version published through two nodes at once, on each database provider: one row, one 201, never a 500.</summary>
public sealed class ConcurrentPublishTests
{
    private const string Module = "example.com/race/lib";

    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql" };

    private static ClusterNodes Start(string provider) => provider == "PostgreSql" ? ClusterNodes.OnPostgreSql(2) : ClusterNodes.OnSqlite(2);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Identical_bytes_published_through_two_nodes_at_once_give_one_201_and_one_200(string provider)
    {
        await using var cluster = Start(provider);
        for (var round = 0; round < 5; round++)
        {
            var version = $"v1.0.{round}";
            var zip = ModuleZipBuilder.Simple(Module, version);

            var statuses = await RaceAsync(cluster, node => cluster.Admin(node).UploadAsync(Module, version, zip));

            Assert.Equal([200, 201], statuses);
            Assert.Equal(1, await ComponentsAsync(cluster, version));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Different_bytes_published_through_two_nodes_at_once_give_one_201_and_one_409(string provider)
    {
        await using var cluster = Start(provider);
        for (var round = 0; round < 5; round++)
        {
            var version = $"v1.2.{round}";

            var statuses = await RaceAsync(cluster, node =>
                cluster.Admin(node).UploadAsync(Module, version, ModuleZipBuilder.Simple(Module, version, null, ("node.go", $"package lib // {node}\n"))));

            Assert.Equal([201, 409], statuses);
            Assert.Equal(1, await ComponentsAsync(cluster, version));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_repository_created_through_two_nodes_at_once_gives_one_201_and_one_409(string provider)
    {
        await using var cluster = Start(provider);
        for (var round = 0; round < 5; round++)
        {
            var name = $"race-{round}";

            var statuses = await RaceAsync(cluster, node =>
                cluster.Admin(node).PostAsJsonAsync("/api/v1/repositories", new { name, format = "go", type = "hosted" }));

            Assert.Equal([201, 409], statuses);
        }
    }

    /// <summary>Both nodes' answers, sorted.</summary>
    private static async Task<int[]> RaceAsync(ClusterNodes cluster, Func<int, Task<HttpResponseMessage>> request)
    {
        using var start = new Barrier(2);
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(node => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await request(node);
        })));
        var statuses = responses.Select(r => (int)r.StatusCode).Order().ToArray();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        return statuses;
    }

    private static Task<int> ComponentsAsync(ClusterNodes cluster, string version) =>
        cluster.Nodes[0].WithDbAsync(db => db.Components.CountAsync(c => c.Name == Module && c.Version == version));
}
