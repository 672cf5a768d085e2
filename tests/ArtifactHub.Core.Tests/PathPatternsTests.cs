using ArtifactHub.Core;

namespace ArtifactHub.Core.Tests;

/// <summary>GOPRIVATE-style globs (module.MatchPrefixPatterns): a glob matches the leading elements of a module path.</summary>
public sealed class PathPatternsTests
{
    [Theory]
    [InlineData("example.com", "example.com", true)]
    [InlineData("example.com", "example.com/a/b", true)]
    [InlineData("example.com/a", "example.com/a/b", true)]
    [InlineData("example.com/a", "example.com/ab", false)]
    [InlineData("example.com/a", "example.com", false)] // fewer elements than the glob
    [InlineData("example.com", "example.community/a", false)] // a prefix of elements, not of characters
    [InlineData("*.corp.example.com", "git.corp.example.com/x/y", true)]
    [InlineData("*.corp.example.com", "corp.example.com/x", false)]
    [InlineData("*", "anything.example/a/b", true)]
    [InlineData("*/a", "example.com/a/b", true)]
    [InlineData("*/a", "example.com/b/a", false)]
    [InlineData("example.com/*/c", "example.com/b/c/d", true)]
    [InlineData("example.com/*/c", "example.com/b/x/c", false)]
    [InlineData("example.com/?", "example.com/a/b", true)]
    [InlineData("example.com/?", "example.com/ab", false)]
    [InlineData("Example.com", "example.com", false)] // case-sensitive, like Go
    [InlineData("example.com/", "example.com/a", true)] // a trailing slash is ignored
    [InlineData(" example.com ", "example.com/a", true)] // so is surrounding space
    [InlineData("example.com/[ab]", "example.com/a", false)] // no character classes
    public void A_glob_matches_the_leading_elements_of_a_path(string glob, string path, bool matches) =>
        Assert.Equal(matches, PathPatterns.MatchesAny([glob], path));

    [Theory]
    [InlineData("*b", "a/b")]
    [InlineData("a?b", "a/b")]
    [InlineData("*/c", "a/b/c")]
    [InlineData("example.*m/a", "example.co/m/a")]
    [InlineData("example.com*a", "example.com/a")]
    public void A_wildcard_never_crosses_a_slash(string glob, string path) =>
        Assert.False(PathPatterns.MatchesAny([glob], path));

    [Fact]
    public void Empty_globs_match_nothing_and_any_glob_may_match()
    {
        Assert.False(PathPatterns.MatchesAny([], "example.com/a"));
        Assert.False(PathPatterns.MatchesAny(["", " ", "/"], "example.com/a"));
        Assert.True(PathPatterns.MatchesAny(["other.org", "example.com"], "example.com/a"));
    }

    [Fact]
    public void A_pattern_full_of_stars_returns()
    {
        var element = new string('a', 40);
        var glob = string.Concat(Enumerable.Repeat("*a", 30)) + "*b";
        Assert.False(PathPatterns.MatchesAny([glob, $"{glob}/{glob}"], $"{element}/{element}/x"));
        Assert.True(PathPatterns.MatchesAny([glob], new string('a', 39) + "b/x"));
    }

    [Fact]
    public void Matching_agrees_with_path_Match_over_the_joined_leading_elements()
    {
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var glob = new string(Enumerable.Range(0, random.Next(1, 8)).Select(_ => "ab/*?"[random.Next(5)]).ToArray());
            var path = new string(Enumerable.Range(0, random.Next(0, 10)).Select(_ => "ab/"[random.Next(3)]).ToArray());
            Assert.True(Reference(glob, path) == PathPatterns.MatchesAny([glob], path), $"glob {glob}, path {path}");
        }
    }

    /// <summary>The straightforward definition (exponential in the stars, so only for short inputs).</summary>
    private static bool Reference(string glob, string target)
    {
        glob = glob.Trim().TrimEnd('/');
        if (glob == "")
        {
            return false;
        }

        var n = glob.Count(c => c == '/') + 1;
        var elements = target.Split('/');
        return elements.Length >= n && PathMatch(glob, string.Join('/', elements.Take(n)));
    }

    private static bool PathMatch(string pattern, string name) =>
        pattern.Length == 0
            ? name.Length == 0
            : pattern[0] switch
            {
                '*' => Enumerable.Range(0, name.Length + 1).TakeWhile(i => i == 0 || name[i - 1] != '/').Any(i => PathMatch(pattern[1..], name[i..])),
                '?' => name.Length > 0 && name[0] != '/' && PathMatch(pattern[1..], name[1..]),
                _ => name.Length > 0 && name[0] == pattern[0] && PathMatch(pattern[1..], name[1..]),
            };
}
