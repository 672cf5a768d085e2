using ArtifactHub.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace ArtifactHub.Server.Tests;

/// <summary>
/// Several server nodes in one test: each its own host (own memory caches, own single flight), all on one database and
/// one blob folder, as behind a load balancer. Dispose to stop them and drop the PostgreSQL database.
/// </summary>
public sealed class ClusterNodes : IAsyncDisposable
{
    private readonly ArtifactHubFactory first = new();
    private readonly List<WebApplicationFactory<Program>> nodes = [];
    private readonly string? postgreSql;

    private ClusterNodes(string? postgreSql) => this.postgreSql = postgreSql;

    /// <summary>The data folder every node uses (blobs, staging; the SQLite file unless on PostgreSQL).</summary>
    public string DataDir => first.DataDir;

    public IReadOnlyList<WebApplicationFactory<Program>> Nodes => nodes;

    /// <summary><paramref name="count"/> nodes on a new PostgreSQL database, started one after the other.</summary>
    public static ClusterNodes OnPostgreSql(int count, IDictionary<string, string?>? settings = null) =>
        new ClusterNodes(PostgresServer.Shared.CreateDatabase("cluster")).Start(count, settings);

    /// <summary><paramref name="count"/> nodes on one SQLite file (enough for what does not need cross-node locking).</summary>
    public static ClusterNodes OnSqlite(int count, IDictionary<string, string?>? settings = null) => new ClusterNodes(null).Start(count, settings);

    private ClusterNodes Start(int count, IDictionary<string, string?>? settings)
    {
        for (var i = 0; i < count; i++)
        {
            var node = first.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(config =>
            {
                var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
                if (postgreSql is not null)
                {
                    values["ArtifactHub:Database:Provider"] = "PostgreSql";
                    values["ArtifactHub:Database:ConnectionString"] = postgreSql;
                }

                config.AddInMemoryCollection(values);
            }));
            _ = node.Server; // start now, so that migrations run on one node at a time
            nodes.Add(node);
        }

        return this;
    }

    public HttpClient Admin(int node) => nodes[node].CreateBasicClient("admin", ArtifactHubFactory.AdminPassword);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        await first.DisposeAsync();
        if (postgreSql is not null)
        {
            PostgresServer.Shared.DropDatabase(postgreSql);
        }
    }
}
