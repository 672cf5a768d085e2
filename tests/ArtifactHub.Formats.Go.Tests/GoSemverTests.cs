namespace ArtifactHub.Formats.Go.Tests;

public sealed class GoSemverTests
{
    /// <summary>The table of golang.org/x/mod/semver's tests, in ascending order; "" means invalid.</summary>
    private static readonly (string In, string Canonical)[] Table =
    [
        ("bad", ""),
        ("v1-alpha.beta.gamma", ""),
        ("v1-pre", ""),
        ("v1+meta", ""),
        ("v1-pre+meta", ""),
        ("v1.2-pre", ""),
        ("v1.2+meta", ""),
        ("v1.2-pre+meta", ""),
        ("v1.0.0-alpha", "v1.0.0-alpha"),
        ("v1.0.0-alpha.1", "v1.0.0-alpha.1"),
        ("v1.0.0-alpha.beta", "v1.0.0-alpha.beta"),
        ("v1.0.0-beta", "v1.0.0-beta"),
        ("v1.0.0-beta.2", "v1.0.0-beta.2"),
        ("v1.0.0-beta.11", "v1.0.0-beta.11"),
        ("v1.0.0-rc.1", "v1.0.0-rc.1"),
        ("v1", "v1.0.0"),
        ("v1.0", "v1.0.0"),
        ("v1.0.0", "v1.0.0"),
        ("v1.2", "v1.2.0"),
        ("v1.2.0", "v1.2.0"),
        ("v1.2.3-456", "v1.2.3-456"),
        ("v1.2.3-456.789", "v1.2.3-456.789"),
        ("v1.2.3-456-789", "v1.2.3-456-789"),
        ("v1.2.3-456a", "v1.2.3-456a"),
        ("v1.2.3-pre", "v1.2.3-pre"),
        ("v1.2.3-pre+meta", "v1.2.3-pre"),
        ("v1.2.3-pre.1", "v1.2.3-pre.1"),
        ("v1.2.3-zzz", "v1.2.3-zzz"),
        ("v1.2.3", "v1.2.3"),
        ("v1.2.3+meta", "v1.2.3"),
        ("v1.2.3+meta-pre", "v1.2.3"),
        ("v1.2.3+meta-pre.sha.256a", "v1.2.3"),
    ];

    public static TheoryData<string, string> TableData()
    {
        var data = new TheoryData<string, string>();
        foreach (var (input, canonical) in Table)
        {
            data.Add(input, canonical);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TableData))]
    public void IsValid_and_Canonical_follow_x_mod(string input, string canonical)
    {
        Assert.Equal(canonical != "", GoSemver.IsValid(input));
        Assert.Equal(canonical, GoSemver.Canonical(input));
    }

    [Theory]
    [InlineData("v1", "v1.0.0")]
    [InlineData("v1.2", "v1.2.0")]
    [InlineData("v0", "v0.0.0")]
    [InlineData("v10.20", "v10.20.0")]
    public void Shorthand_versions_are_valid_and_canonicalize_to_three_numbers(string input, string canonical)
    {
        Assert.True(GoSemver.IsValid(input));
        Assert.Equal(canonical, GoSemver.Canonical(input));
        Assert.Equal(0, GoSemver.Compare(input, canonical));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1.2.3")]
    [InlineData("V1.2.3")]
    [InlineData("v")]
    [InlineData("v01.2.3")]
    [InlineData("v1.02.3")]
    [InlineData("v1.2.03")]
    [InlineData("v1.2.3-01")]
    [InlineData("v1.2.3-pre.01")]
    [InlineData("v1.2.3-")]
    [InlineData("v1.2.3-pre..1")]
    [InlineData("v1.2.3+")]
    [InlineData("v1.2.3+meta+more")]
    [InlineData("v1.2.3-pre_1")]
    [InlineData("v1.2.3.4")]
    [InlineData("v1..2")]
    [InlineData("v1.2.")]
    [InlineData(" v1.2.3")]
    [InlineData("v1.2.3 ")]
    public void Invalid_versions(string? input)
    {
        Assert.False(GoSemver.IsValid(input));
        if (input is not null)
        {
            Assert.Equal("", GoSemver.Canonical(input));
        }
    }

    [Theory]
    [InlineData("v1.2.3-0a")]
    [InlineData("v1.2.3-0")]
    [InlineData("v1.2.3+01")]
    [InlineData("v0.0.0")]
    [InlineData("v123456789012345678901234567890.0.0")]
    public void Valid_edge_cases(string input) => Assert.True(GoSemver.IsValid(input));

    [Fact]
    public void Compare_orders_the_whole_table_as_x_mod_does()
    {
        for (var i = 0; i < Table.Length; i++)
        {
            for (var j = 0; j < Table.Length; j++)
            {
                var want = Table[i].Canonical == Table[j].Canonical ? 0 : i < j ? -1 : 1;
                var got = Math.Sign(GoSemver.Compare(Table[i].In, Table[j].In));
                Assert.True(want == got, $"Compare(\"{Table[i].In}\", \"{Table[j].In}\") = {got}, want {want}");
            }
        }
    }

    [Fact]
    public void Pre_releases_order_as_semver_2_says()
    {
        // semver.org section 11: each is lower than the next.
        string[] ascending =
        [
            "v1.0.0-alpha", "v1.0.0-alpha.1", "v1.0.0-alpha.beta", "v1.0.0-beta", "v1.0.0-beta.2",
            "v1.0.0-beta.11", "v1.0.0-rc.1", "v1.0.0",
        ];
        for (var i = 0; i + 1 < ascending.Length; i++)
        {
            Assert.True(GoSemver.Compare(ascending[i], ascending[i + 1]) < 0, $"{ascending[i]} < {ascending[i + 1]}");
            Assert.True(GoSemver.Compare(ascending[i + 1], ascending[i]) > 0, $"{ascending[i + 1]} > {ascending[i]}");
        }

        var shuffled = ascending.Reverse().ToList();
        shuffled.Sort(GoSemver.Comparer);
        Assert.Equal(ascending, shuffled);
    }

    [Theory]
    [InlineData("v1.0.0-2", "v1.0.0-10", -1)] // numeric identifiers compare as numbers
    [InlineData("v1.0.0-10", "v1.0.0-a", -1)] // numeric < alphanumeric
    [InlineData("v1.0.0-a", "v1.0.0-a.0", -1)] // a longer list of equal prefix is higher
    [InlineData("v1.0.0-rc.99999999999999999999", "v1.0.0-rc.100000000000000000000", -1)] // beyond 64 bits
    [InlineData("v1.10.0", "v1.9.0", 1)]
    [InlineData("v2.0.0", "v10.0.0", -1)]
    [InlineData("v1.2.3+a", "v1.2.3+b", 0)] // build metadata is ignored
    [InlineData("v1.2.3", "v1.2.3+incompatible", 0)]
    [InlineData("bad", "v0.0.0", -1)] // invalid sorts before every valid version
    [InlineData("v0.0.0", "bad", 1)]
    [InlineData("bad", "worse", 0)]
    public void Compare(string v, string w, int want) => Assert.Equal(want, Math.Sign(GoSemver.Compare(v, w)));

    [Theory]
    [InlineData("v1.2.3-pre+meta", "v1", "-pre", "+meta")]
    [InlineData("v2.0.0+incompatible", "v2", "", "+incompatible")]
    [InlineData("v0.0.0-20200101000000-abcdefabcdef", "v0", "-20200101000000-abcdefabcdef", "")]
    [InlineData("v1.2", "v1", "", "")]
    [InlineData("bad", "", "", "")]
    public void Major_Prerelease_Build(string v, string major, string prerelease, string build)
    {
        Assert.Equal(major, GoSemver.Major(v));
        Assert.Equal(prerelease, GoSemver.Prerelease(v));
        Assert.Equal(build, GoSemver.Build(v));
    }
}
