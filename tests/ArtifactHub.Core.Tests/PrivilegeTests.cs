using System.Text.RegularExpressions;
using ArtifactHub.Core.Security;

namespace ArtifactHub.Core.Tests;

public sealed class PrivilegeTests
{
    [Theory]
    [InlineData("repository:go-hosted:read")]
    [InlineData("repository:go-*:write")]
    [InlineData("repository:*:delete")]
    [InlineData("repository:go-?:admin")]
    [InlineData("repository:a.b_c-1:read")]
    [InlineData("repositories.manage")]
    [InlineData("security.manage")]
    [InlineData("audit.read")]
    public void A_privilege_reads_back_as_the_text_it_was_parsed_from(string text)
    {
        Assert.Equal(text, Privilege.Parse(text).ToString());
        Assert.Equal(Privilege.Parse(text), Privilege.Parse(Privilege.Parse(text).ToString()));
    }

    [Fact]
    public void The_parts_of_a_repository_privilege_are_its_pattern_and_action()
    {
        Assert.Equal(new Privilege.OnRepository("go-*", RepositoryAction.Write), Privilege.Parse("repository:go-*:write"));
        Assert.Equal(new Privilege.Global(Privilege.ReadAudit), Privilege.Parse("audit.read"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("repository::read")]
    [InlineData("repository:a:b")]
    [InlineData("repository:a")]
    [InlineData("repository:a:read:extra")]
    [InlineData("repository:a:b:read")]
    [InlineData("repository:a :read")]
    [InlineData("repositories.manage.x")]
    [InlineData("Repositories.Manage")]
    [InlineData("REPOSITORY:a:read")]
    [InlineData("repository:a:READ")]
    [InlineData("repository:Go-*:read")] // repository names are lower case, so are patterns
    [InlineData("repository:a/b:read")]
    [InlineData(" repository:a:read")]
    [InlineData("repository:a:read\n")]
    public void Malformed_privileges_are_refused(string text)
    {
        Assert.False(Privilege.TryParse(text, out var privilege));
        Assert.Null(privilege);
        Assert.Throws<FormatException>(() => Privilege.Parse(text));
    }

    [Fact]
    public void Null_is_not_a_privilege() => Assert.False(Privilege.TryParse(null, out _));

    [Fact]
    public void A_pattern_is_at_most_64_characters_like_a_repository_name()
    {
        Assert.True(Privilege.TryParse($"repository:{new string('a', 64)}:read", out _));
        Assert.False(Privilege.TryParse($"repository:{new string('a', 65)}:read", out _));
    }

    [Theory]
    [InlineData("go-*", "go-hosted", true)]
    [InlineData("go-*", "go-", true)]
    [InlineData("go-*", "maven-x", false)]
    [InlineData("go-*", "xgo-hosted", false)]
    [InlineData("*", "anything", true)]
    [InlineData("*-proxy", "go-proxy", true)]
    [InlineData("*-proxy", "go-proxy-2", false)]
    [InlineData("go-?", "go-a", true)]
    [InlineData("go-?", "go-", false)]
    [InlineData("go-?", "go-ab", false)]
    [InlineData("go.hosted", "go.hosted", true)]
    [InlineData("go.hosted", "goxhosted", false)] // a dot is a dot, not "any character"
    [InlineData("go-hosted", "GO-HOSTED", true)]
    [InlineData("go-hosted", "go-hosted-2", false)]
    public void Globs_match_whole_repository_names(string pattern, string repository, bool matches) =>
        Assert.Equal(matches, Privilege.Matches(pattern, repository));

    [Fact]
    public void A_pattern_full_of_stars_answers_at_once_instead_of_timing_out()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 31)) + "*b";
        Assert.False(Privilege.Matches(pattern, new string('a', 64)));
        Assert.True(Privilege.Matches(pattern, new string('a', 63) + "b"));
    }

    [Fact]
    public void Globs_agree_with_the_equivalent_regular_expression()
    {
        var random = new Random(4);
        for (var i = 0; i < 20_000; i++)
        {
            var pattern = new string(Enumerable.Range(0, random.Next(1, 8)).Select(_ => "ab*?"[random.Next(4)]).ToArray());
            var name = new string(Enumerable.Range(0, random.Next(0, 10)).Select(_ => "ab"[random.Next(2)]).ToArray());
            var regex = "^" + pattern.Replace("*", ".*").Replace("?", ".") + "\\z";

            Assert.True(Regex.IsMatch(name, regex) == Privilege.Matches(pattern, name), $"pattern {pattern}, name {name}");
        }
    }

    [Theory]
    [InlineData(RepositoryAction.Read)]
    [InlineData(RepositoryAction.Write)]
    [InlineData(RepositoryAction.Delete)]
    [InlineData(RepositoryAction.Admin)]
    public void Admin_on_a_repository_includes_every_action(RepositoryAction action) =>
        Assert.True(((Privilege.OnRepository)Privilege.Parse("repository:go-*:admin")).Allows("go-hosted", action));

    [Fact]
    public void Other_actions_allow_only_themselves()
    {
        var write = (Privilege.OnRepository)Privilege.Parse("repository:go-hosted:write");
        Assert.True(write.Allows("go-hosted", RepositoryAction.Write));
        Assert.False(write.Allows("go-hosted", RepositoryAction.Read));
        Assert.False(write.Allows("go-hosted", RepositoryAction.Delete));
        Assert.False(write.Allows("go-hosted", RepositoryAction.Admin));
        Assert.False(write.Allows("go-proxy", RepositoryAction.Write));
    }

    [Fact]
    public void All_is_every_global_privilege_and_admin_on_every_repository()
    {
        Assert.All(Privilege.All, p => Assert.True(Privilege.TryParse(p, out _)));
        Assert.Equal(
            ["audit.read", "repositories.manage", "repository:*:admin", "security.manage"],
            Privilege.All.Order(StringComparer.Ordinal));
    }
}
