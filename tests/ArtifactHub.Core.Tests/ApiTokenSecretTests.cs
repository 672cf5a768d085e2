using ArtifactHub.Core.Security;

namespace ArtifactHub.Core.Tests;

public sealed class ApiTokenSecretTests
{
    [Fact]
    public void A_token_is_the_marker_and_43_base64url_characters()
    {
        var token = ApiTokenSecret.NewToken();

        Assert.StartsWith("ah_", token, StringComparison.Ordinal);
        Assert.Equal(46, token.Length);
        Assert.All(token[3..], c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not base64url"));
        Assert.True(ApiTokenSecret.LooksLikeToken(token));
        Assert.Equal(token[..9], ApiTokenSecret.PrefixOf(token));
    }

    [Fact]
    public void The_43_characters_carry_32_random_bytes()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => ApiTokenSecret.NewToken()).ToList();
        var secrets = tokens.Select(Decode).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(secrets, s => Assert.Equal(32, s.Length));

        // 256,000 bits: a fair source sets about half of them (standard deviation 0.1%), and every bit position varies.
        var ones = secrets.Sum(s => s.Sum(b => System.Numerics.BitOperations.PopCount(b)));
        Assert.InRange(ones / (1000.0 * 256), 0.49, 0.51);
        for (var bit = 0; bit < 256; bit++)
        {
            var set = secrets.Count(s => (s[bit / 8] & (1 << (bit % 8))) != 0);
            Assert.InRange(set, 350, 650);
        }
    }

    [Fact]
    public void The_stored_form_is_64_lower_case_hex_characters_of_sha256()
    {
        var token = ApiTokenSecret.NewToken();
        var hash = ApiTokenSecret.Hash(token);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, ApiTokenSecret.Hash(token));
        Assert.NotEqual(hash, ApiTokenSecret.Hash(ApiTokenSecret.NewToken()));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ApiTokenSecret.Hash(""));
        Assert.True(ApiTokenSecret.HashEquals(hash, ApiTokenSecret.Hash(token)));
        Assert.False(ApiTokenSecret.HashEquals(hash, ApiTokenSecret.Hash(ApiTokenSecret.NewToken())));
        Assert.False(ApiTokenSecret.HashEquals(hash, hash[..63]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("correct horse battery staple")]
    [InlineData("ah_tooshort")]
    [InlineData("xx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AH_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ah_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Other_text_does_not_look_like_a_token(string? text) => Assert.False(ApiTokenSecret.LooksLikeToken(text));

    [Fact]
    public void A_token_is_active_until_it_is_revoked_or_expires()
    {
        var now = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        ApiToken Token(DateTimeOffset? expires = null, DateTimeOffset? revoked = null) =>
            new() { Name = "t", Prefix = "ah_abcdef", Hash = "h", ExpiresAt = expires, RevokedAt = revoked };

        Assert.True(Token().IsActive(now));
        Assert.True(Token(expires: now.AddSeconds(1)).IsActive(now));
        Assert.False(Token(expires: now).IsActive(now));
        Assert.False(Token(revoked: now.AddDays(-1)).IsActive(now));
    }

    private static byte[] Decode(string token) =>
        Convert.FromBase64String(token[3..].Replace('-', '+').Replace('_', '/') + "=");
}
