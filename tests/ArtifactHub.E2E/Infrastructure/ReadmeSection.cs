using System.Text;
using ArtifactHub.TestSupport;

namespace ArtifactHub.E2E.Infrastructure;

/// <summary>The fenced code blocks of a section of the repository's README.md, so that a test runs what a reader copies.</summary>
public static class ReadmeSection
{
    /// <summary>
    /// The code blocks, in order, between the line <paramref name="heading"/> (e.g. <c>### Mirroring …</c>) and the next
    /// heading of its level or above; each block's text without its fences. Lines starting with '#' inside a block are
    /// code (shell comments), not headings.
    /// </summary>
    public static IReadOnlyList<string> CodeBlocks(string heading)
    {
        var readme = Path.Combine(RepoPaths.Root, "README.md");
        var lines = File.ReadAllLines(readme);
        var start = Array.FindIndex(lines, line => line.TrimEnd() == heading);
        Assert.True(start >= 0, $"{readme} has no line '{heading}'");
        var level = heading.TakeWhile(c => c == '#').Count();

        var blocks = new List<string>();
        StringBuilder? block = null;
        foreach (var line in lines.Skip(start + 1))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (block is null)
                {
                    block = new StringBuilder();
                }
                else
                {
                    blocks.Add(block.ToString());
                    block = null;
                }
            }
            else if (block is not null)
            {
                block.Append(line).Append('\n');
            }
            else if (line.StartsWith('#') && line.TakeWhile(c => c == '#').Count() <= level)
            {
                break;
            }
        }

        return blocks;
    }

    /// <summary>The one block of the section that contains <paramref name="marker"/>.</summary>
    public static string CodeBlock(string heading, string marker)
    {
        var matching = CodeBlocks(heading).Where(b => b.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(matching.Count == 1, $"README.md's section '{heading}' has {matching.Count} code blocks with '{marker}', expected 1");
        return matching[0];
    }
}
