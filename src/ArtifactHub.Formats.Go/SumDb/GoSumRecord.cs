namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// A checksum-database record: the two go.sum lines of one module version, <c>M V h1:…\nM V/go.mod h1:…\n</c>.
/// </summary>
/// <param name="ZipHash">The module zip's hash, e.g. <c>h1:…</c>.</param>
/// <param name="GoModHash">The go.mod file's hash.</param>
public sealed record GoSumRecord(string Module, string Version, string ZipHash, string GoModHash)
{
    /// <summary>The record text, as the database hashes it.</summary>
    public string Format() => string.Concat(GoSumLines.Select(line => line + "\n"));

    /// <summary>The lines as go.sum has them.</summary>
    public IReadOnlyList<string> GoSumLines => [$"{Module} {Version} {ZipHash}", $"{Module} {Version}/go.mod {GoModHash}"];

    /// <summary>Reads record text; a <see cref="SumDbException"/> (<see cref="SumDbProblem.MalformedRecord"/>) says what is wrong.</summary>
    public static GoSumRecord Parse(string text)
    {
        if (!text.EndsWith('\n'))
        {
            throw Malformed(text, "it does not end in a newline");
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length != 2)
        {
            throw Malformed(text, $"expected 2 lines (the zip's hash and the go.mod's), found {lines.Length}");
        }

        var zip = lines[0].Split(' ');
        var mod = lines[1].Split(' ');
        if (zip.Length != 3 || mod.Length != 3 || zip.Concat(mod).Any(field => field.Length == 0))
        {
            throw Malformed(text, "each line is a module path, a version and a hash, separated by single spaces");
        }

        if (mod[0] != zip[0] || mod[1] != zip[1] + "/go.mod")
        {
            throw Malformed(text, $"the second line is for {mod[0]} {mod[1]}, not {zip[0]} {zip[1]}/go.mod");
        }

        foreach (var hash in (string[])[zip[2], mod[2]])
        {
            var colon = hash.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == hash.Length - 1)
            {
                throw Malformed(text, $"\"{hash}\" is not a hash (algorithm:value, e.g. h1:…)");
            }
        }

        return new GoSumRecord(zip[0], zip[1], zip[2], mod[2]);
    }

    private static SumDbException Malformed(string text, string why) =>
        new(SumDbProblem.MalformedRecord, $"malformed go.sum record \"{text.TrimEnd('\n').Replace("\n", "\\n", StringComparison.Ordinal)}\": {why}");
}
