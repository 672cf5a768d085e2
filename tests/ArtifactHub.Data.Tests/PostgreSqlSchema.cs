using Npgsql;

namespace ArtifactHub.Data.Tests;

/// <summary>A PostgreSQL database's schema (public) as sorted lines, to compare two databases.</summary>
public static class PostgreSqlSchema
{
    // EF's own tables (migrations history) are left out: only one of the two databases compared has them.
    private const string Tables = """
        JOIN pg_class t ON t.oid = {0} JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname NOT LIKE '\_\_EF%'
        """;

    /// <summary>
    /// Collations defined in the database; tables; columns (type, nullability, default, identity, collation);
    /// constraints (primary keys, foreign keys with their delete rule); indexes (definition and key collations).
    /// </summary>
    public static async Task<List<string>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        lines.AddRange(await DbQuery.QueryAsync(connection,
            "SELECT c.collname, c.collprovider::text, c.collisdeterministic FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace WHERE n.nspname = 'public'",
            r => $"collation {r.GetString(0)} provider={r.GetString(1)} deterministic={r.GetBoolean(2)}"));
        lines.AddRange(await DbQuery.QueryAsync(connection,
            "SELECT t.relname FROM pg_class c " + string.Format(" " + Tables, "c.oid") + " AND t.relkind = 'r'",
            r => $"table {r.GetString(0)}"));
        lines.AddRange(await DbQuery.QueryAsync(connection,
            """
            SELECT t.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   COALESCE(pg_get_expr(d.adbin, d.adrelid), ''), a.attidentity::text, COALESCE(co.collname, '')
            FROM pg_attribute a
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            """ + string.Format(" " + Tables, "a.attrelid") + " AND t.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped",
            r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetBoolean(3)} default={r.GetString(4)} identity={r.GetString(5)} collate={r.GetString(6)}"));
        lines.AddRange(await DbQuery.QueryAsync(connection,
            "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c " + string.Format(" " + Tables, "c.conrelid"),
            r => $"constraint {r.GetString(0)} {r.GetString(1)} {r.GetString(2)}"));
        lines.AddRange(await DbQuery.QueryAsync(connection,
            """
            SELECT t.relname, pg_get_indexdef(i.indexrelid),
                   (SELECT string_agg(COALESCE(co.collname, '-'), ',' ORDER BY k.ord)
                    FROM unnest(i.indcollation::oid[]) WITH ORDINALITY k(coll, ord) LEFT JOIN pg_collation co ON co.oid = k.coll)
            FROM pg_index i
            """ + string.Format(" " + Tables, "i.indrelid"),
            r => $"index {r.GetString(0)} {r.GetString(1)} collations={r.GetString(2)}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
