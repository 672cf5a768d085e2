using ArtifactHub.Core.Formats;

namespace ArtifactHub.Formats.Go.SumDb;

public enum SumDbRequestKind
{
    /// <summary><c>supported</c>: 200 tells the go command to reach this database through us; 404 sends it direct.</summary>
    Supported,

    /// <summary><c>latest</c>: the newest signed tree head; changes as the database grows.</summary>
    Latest,

    /// <summary><c>lookup/$module@$version</c>: one record and a signed tree head.</summary>
    Lookup,

    /// <summary><c>tile/$H/$L/$K[.p/$W]</c> or <c>tile/$H/data/$K[.p/$W]</c>: never changes once served.</summary>
    Tile,
}

/// <summary>
/// A checksum-database request under a repository URL, <c>sumdb/$name/…</c> (the go command's "proxying a checksum
/// database" protocol). Only the four shapes the protocol defines are accepted, so nothing else is ever forwarded.
/// </summary>
/// <param name="Rest">The path under the database's own URL, e.g. <c>lookup/golang.org/x/text@v0.3.0</c>.</param>
public sealed record SumDbRequestPath(string Database, SumDbRequestKind Kind, string Rest, string? Module)
{
    public const string Prefix = "sumdb/";

    /// <summary>Where the answer is stored in the repository: <c>sumdb/$name/$rest</c> (module paths stay escaped).</summary>
    public string AssetPath => $"{Prefix}{Database}/{Rest}";

    /// <summary>A module path's first element has a dot, so no module path starts with <c>sumdb/</c>.</summary>
    public static bool IsSumDb(string path) => path.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Parses a <c>sumdb/…</c> path, or says what to answer: 404 for a shape outside the protocol, 400 for a bad lookup.</summary>
    public static SumDbRequestPath? ParseOrAnswer(string path, out ContentResponse? answer)
    {
        answer = null;
        var slash = path.IndexOf('/', Prefix.Length);
        var database = slash < 0 ? "" : path[Prefix.Length..slash];
        var rest = slash < 0 ? "" : path[(slash + 1)..];
        if (!Core.Repositories.ChecksumDatabase.IsValidName(database))
        {
            answer = ContentResponse.NotFound($"not found: {path} is not a checksum database path");
            return null;
        }

        switch (rest)
        {
            case "supported":
                return new SumDbRequestPath(database, SumDbRequestKind.Supported, rest, null);
            case "latest":
                return new SumDbRequestPath(database, SumDbRequestKind.Latest, rest, null);
        }

        if (IsTilePath(rest))
        {
            return new SumDbRequestPath(database, SumDbRequestKind.Tile, rest, null);
        }

        if (rest.StartsWith("lookup/", StringComparison.Ordinal))
        {
            var lookup = rest["lookup/".Length..];
            var at = lookup.LastIndexOf('@');
            var module = at > 0 ? GoModulePath.Unescape(lookup[..at]) : null;
            var version = at > 0 ? GoModulePath.Unescape(lookup[(at + 1)..]) : null;
            if (module is null || version is null || GoModulePath.CheckPath(module) is not null || !GoVersion.IsCanonical(version))
            {
                answer = ContentResponse.BadRequest($"invalid checksum database lookup \"{lookup}\": expected an escaped module path, '@' and a version");
                return null;
            }

            return new SumDbRequestPath(database, SumDbRequestKind.Lookup, rest, module);
        }

        answer = ContentResponse.NotFound($"not found: {path} is not a checksum database path");
        return null;
    }

    /// <summary>
    /// A tile path exactly as tlog writes it (anything else a database refuses): height 1–30, a level 0–63 or
    /// <c>data</c>, the index in 3-digit groups with an <c>x</c> on all but the last and no leading <c>x000/</c>, and a
    /// partial width 1 ≤ W &lt; 2^height (<see cref="Tile.TryParse"/>).
    /// </summary>
    public static bool IsTilePath(string rest) => Tile.TryParse(rest) is not null;
}
