using ArtifactHub.Core.Security;

namespace ArtifactHub.Core.Tests;

public sealed class UserNameRuleTests
{
    [Theory]
    [InlineData("admin")]
    [InlineData("Alice")]
    [InlineData("ci-bot")]
    [InlineData("j.doe@example.com")]
    [InlineData("a")]
    [InlineData("0_build")]
    public void Ordinary_names_are_valid(string name) => Assert.True(UserNameRule.IsValid(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-leading-dash")]
    [InlineData(".hidden")]
    [InlineData("has space")]
    [InlineData("has:colon")] // would break HTTP Basic
    [InlineData("alice\n")]
    [InlineData("élodie")]
    public void Other_names_are_not(string? name) => Assert.False(UserNameRule.IsValid(name));

    [Fact]
    public void A_name_is_at_most_64_characters()
    {
        Assert.True(UserNameRule.IsValid(new string('a', 64)));
        Assert.False(UserNameRule.IsValid(new string('a', 65)));
    }
}
