using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ArtifactHub.Data.Tests;

/// <summary>A SQLite file's schema as sorted lines, to compare two databases.</summary>
public static partial class SqliteSchema
{
    /// <summary>Tables, columns (type, nullability, default, key, collation), foreign keys and indexes (with their columns' collations).</summary>
    public static async Task<List<string>> ReadAsync(string file)
    {
        var lines = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        var tables = await DbQuery.QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var (table, sql) in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(await DbQuery.QueryAsync(connection, $"PRAGMA table_info(\"{table}\")",
                r => $"column {table}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetInt64(3)} default={(r.IsDBNull(4) ? "" : r.GetString(4))} pk={r.GetInt64(5)}"));

            // No pragma reports a column's collation; EF writes it as "Column" TYPE COLLATE NAME.
            lines.AddRange(ColumnCollation().Matches(sql).Select(m => $"collate {table}.{m.Groups["column"].Value} {m.Groups["collation"].Value.ToUpperInvariant()}"));
            lines.AddRange(await DbQuery.QueryAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")",
                r => $"fk {table}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
            foreach (var index in await DbQuery.QueryAsync(connection, $"PRAGMA index_list(\"{table}\")", r => (Name: r.GetString(1), Unique: r.GetInt64(2), Origin: r.GetString(3))))
            {
                var columns = await DbQuery.QueryAsync(connection, $"PRAGMA index_xinfo(\"{index.Name}\")",
                    r => (Name: r.IsDBNull(2) ? "" : r.GetString(2), Collation: r.IsDBNull(4) ? "" : r.GetString(4), Key: r.GetInt64(5)));
                var keyColumns = columns.Where(c => c.Key == 1).Select(c => $"{c.Name} {c.Collation.ToUpperInvariant()}");
                lines.Add($"index {table} {(index.Origin == "pk" ? "(primary key)" : index.Name)} unique={index.Unique} ({string.Join(",", keyColumns)})");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    [GeneratedRegex("\"(?<column>[^\"]+)\"\\s+\\w+\\s+COLLATE\\s+(?<collation>\\w+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ColumnCollation();
}
