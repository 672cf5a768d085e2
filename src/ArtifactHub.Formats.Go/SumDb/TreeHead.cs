using System.Globalization;
using System.Text;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// A tree head, the text a checksum database signs (tlog's Tree, FormatTree and ParseTree):
/// <c>go.sum database tree\n&lt;N&gt;\n&lt;base64 root&gt;\n</c>. Lines after the third are ignored, as tlog does, for
/// later additions.
/// </summary>
/// <param name="Size">How many records the tree has.</param>
/// <param name="Root">The root hash of those records' tree.</param>
public sealed record TreeHead(long Size, TlogHash Root)
{
    public const string FirstLine = "go.sum database tree";

    /// <summary>tlog refuses a tree text longer than this.</summary>
    public const int MaxTextLength = 1_000_000;

    public string FormatText() => string.Create(CultureInfo.InvariantCulture, $"{FirstLine}\n{Size}\n{Root}\n");

    /// <summary>Parses a note's text; a <see cref="SumDbException"/> (<see cref="SumDbProblem.MalformedTree"/>) says what is wrong.</summary>
    public static TreeHead ParseText(string text)
    {
        if (text.Length > MaxTextLength)
        {
            throw Malformed("it is longer than a tree head can be");
        }

        var lines = text.Split('\n', 4);
        if (lines.Length < 4 || lines[0] != FirstLine)
        {
            throw Malformed($"expected \"{FirstLine}\", a size and a root hash, each on its own line");
        }

        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || lines[1] != size.ToString(CultureInfo.InvariantCulture))
        {
            throw Malformed($"the size \"{lines[1]}\" is not a decimal number");
        }

        if (TlogHash.TryParse(lines[2]) is not { } root)
        {
            throw Malformed($"the root \"{lines[2]}\" is not a base64 hash of 32 bytes");
        }

        return new TreeHead(size, root);
    }

    public override string ToString() => $"tree#{Size} {Root}";

    private static SumDbException Malformed(string why) => new(SumDbProblem.MalformedTree, "malformed tree note: " + why);
}
