using System.Net;
using ArtifactHub.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ArtifactHub.Server.Tests.Hosting;

/// <summary>
/// A cluster's first start: three nodes come up at the same moment on a PostgreSQL server where their database does not
/// exist yet. Each must start, and what the first start makes (the database, schema, default repositories, admin, the
/// first Data Protection key) is made once.
/// </summary>
public sealed class SimultaneousStartTests : IAsyncLifetime
{
    private readonly string database = PostgresServer.Shared.ConnectionString($"not_yet_{Guid.NewGuid():N}");
    private readonly List<ArtifactHubFactory> roots = [];
    private readonly List<WebApplicationFactory<Program>> nodes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Three_nodes_starting_together_before_their_database_exists_all_start_and_make_it_and_the_defaults_once()
    {
        for (var i = 0; i < 3; i++)
        {
            var root = new ArtifactHubFactory();
            roots.Add(root);
            nodes.Add(root.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ArtifactHub:Database:Provider"] = "PostgreSql",
                ["ArtifactHub:Database:ConnectionString"] = database,
            }))));
        }

        await Task.WhenAll(nodes.Select(node => Task.Run(() => _ = node.Server)));

        foreach (var node in nodes)
        {
            using var ready = await node.CreateClient().GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        var (repositories, admins, keys) = await nodes[0].WithDbAsync(async db => (
            await db.Repositories.Select(r => r.Name).OrderBy(n => n).ToListAsync(),
            await db.Users.CountAsync(u => u.UserName == "admin"),
            await db.DataProtectionKeys.CountAsync()));
        Assert.Equal(["go-group", "go-hosted", "go-proxy"], repositories);
        Assert.Equal(1, admins);
        Assert.Equal(1, keys);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        foreach (var root in roots)
        {
            await root.DisposeAsync();
        }

        PostgresServer.Shared.DropDatabase(database);
    }
}
