using System.Data.Common;

namespace ArtifactHub.Data.Tests;

/// <summary>Plain SQL on an open connection of any provider, for reading what EF does not map (schemas, raw rows).</summary>
public static class DbQuery
{
    /// <summary>Runs <paramref name="sql"/> and maps each row with <paramref name="read"/>.</summary>
    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
