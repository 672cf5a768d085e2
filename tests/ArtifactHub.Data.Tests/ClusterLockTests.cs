using ArtifactHub.Core.Content;
using ArtifactHub.Migrations.PostgreSql;
using ArtifactHub.TestSupport;
using Npgsql;

namespace ArtifactHub.Data.Tests;

/// <summary>What every cluster lock does: one holder per key, others wait or skip, released on dispose.</summary>
public abstract class ClusterLockTests
{
    protected abstract IClusterLock NewNode();

    [Fact]
    public async Task A_held_key_is_refused_to_another_node_and_free_again_after_release()
    {
        var a = NewNode();
        var b = NewNode();

        var held = await a.AcquireAsync("gc", default);
        Assert.Null(await b.TryAcquireAsync("gc", default));
        await using (var other = await b.TryAcquireAsync("other-key", default))
        {
            Assert.NotNull(other);
        }

        await held.DisposeAsync();
        await using var after = await b.TryAcquireAsync("gc", default);
        Assert.NotNull(after);
    }

    [Fact]
    public async Task A_waiter_gets_the_key_when_the_holder_lets_go_and_not_before()
    {
        var a = NewNode();
        var b = NewNode();
        var held = await a.AcquireAsync("fetch", default);

        var waiting = b.AcquireAsync("fetch", default);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await using var got = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_cancelled_wait_gives_up_and_leaves_the_key_usable()
    {
        var a = NewNode();
        var b = NewNode();
        var held = await a.AcquireAsync("cancel", default);

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b.AcquireAsync("cancel", cancel.Token));

        await held.DisposeAsync();
        await using var got = await b.AcquireAsync("cancel", default).WaitAsync(TimeSpan.FromSeconds(10));
    }
}

public sealed class InProcessClusterLockTests : ClusterLockTests
{
    private readonly InProcessClusterLock shared = new();

    /// <summary>In one process every "node" is the same lock.</summary>
    protected override IClusterLock NewNode() => shared;
}

public sealed class PostgreSqlAdvisoryLockTests : ClusterLockTests, IDisposable
{
    private readonly string connectionString = PostgresServer.Shared.CreateDatabase("locks");

    protected override IClusterLock NewNode() => new PostgreSqlAdvisoryLock(connectionString);

    [Fact]
    public async Task A_node_that_dies_holding_a_key_releases_it()
    {
        var dying = NewNode();
        await dying.AcquireAsync("blob-gc", default); // never disposed

        // The node is gone: PostgreSQL ends its session, as when a process is killed.
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()", admin);
            await kill.ExecuteNonQueryAsync();
        }

        await using var got = await NewNode().AcquireAsync("blob-gc", default).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_held_key_keeps_no_connection_from_the_pool_its_holder_works_with()
    {
        // One connection in the pool: a proxy fetch under the lock must still get one for its own queries.
        var onePooled = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 1, Timeout = 3 }.ConnectionString;
        await using var held = await new PostgreSqlAdvisoryLock(onePooled).AcquireAsync("proxy-fetch", default);

        await using var work = new NpgsqlConnection(onePooled);
        await work.OpenAsync();
    }

    [Fact]
    public async Task A_lock_after_the_database_dropped_its_idle_connections_is_taken_on_a_fresh_one()
    {
        // A restart or failover of PostgreSQL ends every session, including the lock's idle pooled connections.
        var node = NewNode();
        await (await node.AcquireAsync("proxy-fetch", default)).DisposeAsync();
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
            await kill.ExecuteNonQueryAsync();
        }

        await using var again = await node.AcquireAsync("proxy-fetch", default);
        await using var tried = await node.TryAcquireAsync("blob-gc", default);
        Assert.NotNull(tried);
    }

    public void Dispose() => PostgresServer.Shared.DropDatabase(connectionString);
}
