using System.Text.RegularExpressions;

namespace ArtifactHub.Core.Tests;

public sealed class GlobTests
{
    [Theory]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("*", "", true)]
    [InlineData("**", "abc", true)]
    [InlineData("a*c", "abbbc", true)]
    [InlineData("a*c", "abbb", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("*b*", "aaba", true)]
    [InlineData("a*", "a*b", true)] // a star in the text is only a character
    [InlineData("*b", "*ab", true)]
    [InlineData("a.c", "abc", false)]
    [InlineData("[ab]", "a", false)] // no character classes: a bracket is a bracket
    [InlineData("[ab]", "[ab]", true)]
    public void Star_is_any_run_question_mark_one_character_the_rest_themselves(string pattern, string text, bool matches)
    {
        Assert.Equal(matches, Glob.Matches(pattern, text, ignoreCase: false));
        Assert.Equal(matches, Glob.Matches(pattern, text, ignoreCase: true));
    }

    [Fact]
    public void Case_counts_only_when_asked_to()
    {
        Assert.False(Glob.Matches("Go-*", "go-hosted", ignoreCase: false));
        Assert.True(Glob.Matches("Go-*", "go-hosted", ignoreCase: true));
        Assert.True(Glob.Matches("go-*", "GO-HOSTED", ignoreCase: true));
    }

    [Fact]
    public void A_pattern_full_of_stars_answers_at_once()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 40)) + "*b";
        Assert.False(Glob.Matches(pattern, new string('a', 4000), ignoreCase: false));
        Assert.True(Glob.Matches(pattern, new string('a', 3999) + "b", ignoreCase: false));
    }

    [Fact]
    public void Globs_agree_with_the_equivalent_regular_expression()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var pattern = new string(Enumerable.Range(0, random.Next(0, 8)).Select(_ => "aB*?"[random.Next(4)]).ToArray());
            var text = new string(Enumerable.Range(0, random.Next(0, 10)).Select(_ => "abAB*?"[random.Next(6)]).ToArray());
            var regex = "^" + string.Concat(pattern.Select(c => c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) })) + "\\z";
            foreach (var ignoreCase in new[] { false, true })
            {
                var expected = Regex.IsMatch(text, regex, RegexOptions.Singleline | (ignoreCase ? RegexOptions.IgnoreCase | RegexOptions.CultureInvariant : RegexOptions.None));
                Assert.True(expected == Glob.Matches(pattern, text, ignoreCase), $"pattern {pattern}, text {text}, ignoreCase {ignoreCase}");
            }
        }
    }
}
