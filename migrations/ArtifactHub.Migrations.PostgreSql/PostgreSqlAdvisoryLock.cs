using System.Security.Cryptography;
using System.Text;
using ArtifactHub.Core.Content;
using Npgsql;

namespace ArtifactHub.Migrations.PostgreSql;

/// <summary>
/// The cluster lock of nodes sharing one PostgreSQL database: a transaction-scoped advisory lock
/// (<c>pg_advisory_xact_lock</c>) held in an open transaction on a connection of its own. Releasing rolls the
/// transaction back; if the node dies, PostgreSQL ends its session and the lock goes with it.
/// </summary>
public sealed class PostgreSqlAdvisoryLock(string connectionString) : IClusterLock
{
    /// <summary>
    /// The connection string under another application name, so that lock connections come from a pool of their own:
    /// a holder that needs a second connection for its work (a proxy fetch) must never wait for a connection that other
    /// holders, waiting the same way, keep out of the shared pool.
    /// </summary>
    private readonly string lockConnectionString = OwnPool(connectionString);

    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken) =>
        (await LockAsync(key, "SELECT pg_advisory_xact_lock(@key)", cancellationToken))!;

    public Task<IAsyncDisposable?> TryAcquireAsync(string key, CancellationToken cancellationToken) =>
        LockAsync(key, "SELECT pg_try_advisory_xact_lock(@key)", cancellationToken);

    /// <summary>The lock id of a key: the first 8 bytes of its UTF-8 SHA-256, big-endian.</summary>
    public static long LockId(string key) =>
        System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string OwnPool(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.ApplicationName = $"{builder.ApplicationName ?? "ArtifactHub"} (cluster lock)";
        return builder.ConnectionString;
    }

    /// <summary>
    /// Takes the lock, once more on a fresh connection when the pooled one turns out dead: a restart or failover of
    /// PostgreSQL ends every session, and the pool hands out its idle connections unchecked.
    /// </summary>
    private async Task<IAsyncDisposable?> LockAsync(string key, string sql, CancellationToken cancellationToken)
    {
        try
        {
            return await LockOnceAsync(key, sql, cancellationToken);
        }
        catch (NpgsqlException e) when (e.IsTransient && !cancellationToken.IsCancellationRequested)
        {
            await using (var pooled = new NpgsqlConnection(lockConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            return await LockOnceAsync(key, sql, cancellationToken);
        }
    }

    private async Task<IAsyncDisposable?> LockOnceAsync(string key, string sql, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(lockConnectionString);
        NpgsqlTransaction? transaction = null;
        try
        {
            await connection.OpenAsync(cancellationToken);
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("key", LockId(key));
            // pg_advisory_xact_lock returns void (DBNull); the try variant returns whether it got the lock.
            if (await command.ExecuteScalarAsync(cancellationToken) is false)
            {
                await Release(connection, transaction);
                return null;
            }

            return new Held(connection, transaction);
        }
        catch
        {
            await Release(connection, transaction);
            throw;
        }
    }

    private static async ValueTask Release(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        try
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync(); // rolls back, which releases the lock
            }
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        private int released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                await Release(connection, transaction);
            }
        }
    }
}
