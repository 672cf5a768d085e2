namespace ArtifactHub.Formats.Go.Tests;

public sealed class GoVersionTests
{
    [Theory]
    [InlineData("v1.2.3")]
    [InlineData("v0.0.0")]
    [InlineData("v1.2.3-pre.1")]
    [InlineData("v2.0.0+incompatible")]
    [InlineData("v2.3.0-pre+incompatible")]
    [InlineData("v0.0.0-20200101000000-abcdefabcdef")]
    public void Canonical_versions(string v)
    {
        Assert.True(GoVersion.IsCanonical(v));
        Assert.Equal(v, GoVersion.Canonical(v));
    }

    [Theory]
    [InlineData("v1.2", "v1.2.0")]
    [InlineData("v1", "v1.0.0")]
    [InlineData("1.2.3", "")]
    [InlineData("v1.2.3+meta", "v1.2.3")]
    [InlineData("v1.2.3-pre+build.1", "v1.2.3-pre")]
    [InlineData("v2+incompatible", "")] // shorthand takes no build suffix
    [InlineData("", "")]
    [InlineData("latest", "")]
    [InlineData("master", "")]
    public void Not_canonical(string v, string canonical)
    {
        Assert.False(GoVersion.IsCanonical(v));
        Assert.Equal(canonical, GoVersion.Canonical(v));
    }

    [Theory]
    // vX.0.0-yyyymmddhhmmss-abcdefabcdef: no earlier tag with this major
    [InlineData("v0.0.0-20060102150405-hash")]
    [InlineData("v1.0.0-20060102150405-abcdefabcdef")]
    [InlineData("v2.0.0-20060102150405-abcdefabcdef")]
    // vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdefabcdef: after release vX.Y.Z
    [InlineData("v0.0.1-0.20060102150405-hash")]
    [InlineData("v1.2.4-0.20060102150405-abcdefabcdef")]
    [InlineData("v1.2.100000000000000000-0.20060102150405-hash")]
    [InlineData("v1.0.1-0.20060102150405-hash+metadata")]
    [InlineData("v2.0.1-0.20060102150405-hash+incompatible")]
    // vX.Y.Z-pre.0.yyyymmddhhmmss-abcdefabcdef: after pre-release vX.Y.Z-pre
    [InlineData("v1.2.3-pre.0.20060102150405-hash")]
    [InlineData("v1.3.0-pre.0.20060102150405-hash")]
    [InlineData("v0.0.0--.0.20060102150405-hash")]
    [InlineData("v2.3.0-pre.0.20060102150405-hash+incompatible")]
    public void Pseudo_versions(string v) => Assert.True(GoVersion.IsPseudo(v));

    [Theory]
    [InlineData("v0.0.0")]
    [InlineData("v1.2.3")]
    [InlineData("v1.2.3-pre")]
    [InlineData("v1.0.0+metadata")]
    [InlineData("v2.0.0+incompatible")]
    [InlineData("v1.2.3-pre+incompatible")]
    [InlineData("v1.2.3-20060102150405-hash")] // the first form needs X.0.0
    [InlineData("v1.2.4-1.20060102150405-hash")] // the second form needs "-0."
    [InlineData("v0.0.0-2006010215040-hash")] // 13 digits
    [InlineData("v0.0.0-200601021504050-hash")] // 15 digits
    [InlineData("v0.0.0-20060102150405-")]
    [InlineData("v0.0.0-20060102150405")]
    [InlineData("0.0.0-20060102150405-hash")]
    [InlineData("v0.0-20060102150405-hash")]
    [InlineData("")]
    public void Not_pseudo_versions(string v) => Assert.False(GoVersion.IsPseudo(v));

    [Fact]
    public void Latest_prefers_a_release_over_higher_pre_releases_and_pseudo_versions()
    {
        string[] versions =
        [
            "v1.1.0-rc.1", "v0.9.0", "v1.0.0", "v1.2.4-0.20300101000000-abcdefabcdef", "v0.0.0-20300101000000-abcdefabcdef",
            "v1.0.1-beta",
        ];
        Assert.Equal("v1.0.0", GoVersion.Latest(versions));
    }

    [Fact]
    public void Latest_takes_the_highest_release_by_semver_not_by_string_or_list_order()
    {
        Assert.Equal("v1.10.0", GoVersion.Latest(["v1.10.0", "v1.9.0", "v1.2.0"]));
        Assert.Equal("v1.10.0", GoVersion.Latest(["v1.2.0", "v1.9.0", "v1.10.0"]));
    }

    [Fact]
    public void Latest_prefers_a_pre_release_over_pseudo_versions()
    {
        string[] versions = ["v1.2.4-0.20300101000000-abcdefabcdef", "v1.0.0-beta.2", "v1.0.0-beta.10", "v0.0.0-20310101000000-abcdefabcdef"];
        Assert.Equal("v1.0.0-beta.10", GoVersion.Latest(versions));
    }

    [Fact]
    public void Latest_of_only_pseudo_versions_is_the_highest_one()
    {
        string[] versions =
        [
            "v0.0.0-20200101000000-aaaaaaaaaaaa", "v0.0.0-20210101000000-bbbbbbbbbbbb", "v0.0.0-20190101000000-cccccccccccc",
        ];
        Assert.Equal("v0.0.0-20210101000000-bbbbbbbbbbbb", GoVersion.Latest(versions));
    }

    [Fact]
    public void Latest_of_nothing_is_null() => Assert.Null(GoVersion.Latest([]));
}
