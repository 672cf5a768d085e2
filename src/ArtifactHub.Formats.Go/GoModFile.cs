using System.Text;

namespace ArtifactHub.Formats.Go;

/// <summary>Reads the module directive of a go.mod file (the only part a proxy needs to check).</summary>
public static class GoModFile
{
    /// <summary>The module path the go.mod declares, or null when it has no module directive.</summary>
    public static string? ModulePath(ReadOnlySpan<byte> goMod)
    {
        var text = Encoding.UTF8.GetString(goMod);
        var inBlock = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = StripComment(rawLine).Trim();
            if (line == "")
            {
                continue;
            }

            if (inBlock)
            {
                return line == ")" ? null : Unquote(line);
            }

            if (!line.StartsWith("module", StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line["module".Length..];
            if (rest != "" && !char.IsWhiteSpace(rest[0]) && rest[0] != '(' && rest[0] != '"' && rest[0] != '`')
            {
                continue; // a word that merely starts with "module"
            }

            rest = rest.Trim();
            if (rest == "(")
            {
                inBlock = true;
                continue;
            }

            return Unquote(rest);
        }

        return null;
    }

    /// <summary>The .mod a proxy serves for a version whose zip has no go.mod.</summary>
    public static byte[] Synthesize(string modulePath) => Encoding.UTF8.GetBytes($"module {modulePath}\n");

    private static string StripComment(string line)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment >= 0 ? line[..comment] : line;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '`' && value[^1] == '`')))
        {
            return value[1..^1];
        }

        return value;
    }
}
