using Npgsql;

namespace ArtifactHub.Cluster.Tests;

/// <summary>What the cluster's one PostgreSQL database holds, read directly (the tables of the PostgreSQL migrations).</summary>
public static class SharedDatabase
{
    /// <summary>How many component rows <paramref name="module"/>@<paramref name="version"/> has (in any repository).</summary>
    public static Task<long> ComponentRowsAsync(this ClusterFixture cluster, string module, string version) =>
        cluster.ScalarAsync("""SELECT count(*) FROM components WHERE "Name" = @p0 AND "Version" = @p1""", module, version);

    /// <summary>Each asset path under <c>{module}/@v/{version}.</c> with how many rows it has.</summary>
    public static Task<List<(string Path, long Rows)>> AssetRowsAsync(this ClusterFixture cluster, string module, string version) =>
        cluster.QueryAsync("""SELECT "Path", count(*) FROM assets WHERE "Path" LIKE @p0 GROUP BY "Path" ORDER BY "Path" """,
            r => (r.GetString(0), r.GetInt64(1)), $"{module}/@v/{version}.%");

    /// <summary>The SHA-256 of every blob an asset row refers to.</summary>
    public static async Task<HashSet<string>> ReferencedBlobsAsync(this ClusterFixture cluster) =>
        [.. await cluster.QueryAsync("""SELECT DISTINCT "BlobSha256" FROM assets""", r => r.GetString(0))];

    private static async Task<long> ScalarAsync(this ClusterFixture cluster, string sql, params object[] parameters) =>
        (await cluster.QueryAsync(sql, r => r.GetInt64(0), parameters)).Single();

    private static async Task<List<T>> QueryAsync<T>(this ClusterFixture cluster, string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(cluster.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
