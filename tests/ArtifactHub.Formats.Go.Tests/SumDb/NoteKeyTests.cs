using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Formats.Go.Tests.SumDb;

/// <summary>Verifier and signer keys in sumdb/note's forms, and what each malformation is called.</summary>
public sealed class NoteKeyTests
{
    /// <summary>sum.golang.org's verifier key, as the go command has it built in (cmd/go/internal/modfetch/key.go).</summary>
    private const string SumGolangOrg = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

    [Fact]
    public void The_verifier_key_of_sum_golang_org_parses_to_its_name_hash_and_key_and_formats_back()
    {
        var key = NoteVerifier.Parse(SumGolangOrg);

        Assert.Equal("sum.golang.org", key.Name);
        Assert.Equal(0x033de0aeu, key.KeyHash);
        Assert.Equal(Convert.FromBase64String("Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8")[1..], key.PublicKey.ToArray());
        Assert.Equal(SumGolangOrg, key.Key);
    }

    [Theory]
    [InlineData("sum.golang.org", "expected name+hash+base64")]
    [InlineData("sum.golang.org+033de0ae", "expected name+hash+base64")]
    [InlineData("+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8", "the name is empty")]
    [InlineData("sum golang+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8", "white space")]
    [InlineData("sum.golang.org+33de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8", "is not 8 hex digits")]
    [InlineData("sum.golang.org+033de0ag+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8", "is not 8 hex digits")]
    [InlineData("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn", "the key is not base64")]
    [InlineData("sum.golang.org+033de0ae+Ac4z ctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8", "the key is not base64")]
    [InlineData("sum.golang.org+033de0ae+", "the key is empty")]
    [InlineData("sum.golang.org+033de0ae+As4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8", "unknown key algorithm 2")]
    [InlineData("sum.golang.org+033de0ae+AQcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=", "an Ed25519 key is 32 bytes, this one is 31")]
    [InlineData("sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8", "does not match the name and key (they hash to 033de0ae)")]
    [InlineData("sum.golang.com+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8", "does not match the name and key")]
    [InlineData("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn9", "does not match the name and key")]
    public void A_malformed_verifier_key_is_refused_saying_what_is_wrong(string key, string why)
    {
        var e = Assert.Throws<SumDbException>(() => NoteVerifier.Parse(key));

        Assert.Equal(SumDbProblem.MalformedKey, e.Problem);
        Assert.Contains(why, e.Message);
        Assert.StartsWith("malformed verifier key", e.Message);
    }

    [Fact]
    public void A_generated_signer_key_parses_back_to_the_same_key_and_its_verifier_key_to_the_same_verifier()
    {
        var signer = NoteSigner.Generate("sum.example.com");

        Assert.StartsWith("PRIVATE+KEY+sum.example.com+" + NoteKeys.FormatHash(signer.KeyHash) + "+", signer.Key);
        var parsed = NoteSigner.Parse(signer.Key);
        Assert.Equal(signer.Key, parsed.Key);
        Assert.Equal(signer.Verifier.Key, parsed.Verifier.Key);
        Assert.Equal(signer.Verifier.Key, NoteVerifier.Parse(signer.Verifier.Key).Key);
        Assert.NotEqual(signer.Key, NoteSigner.Generate("sum.example.com").Key);

        var message = "hello\n"u8.ToArray();
        Assert.True(parsed.Verifier.Verify(message, signer.Sign(message)));
        Assert.False(parsed.Verifier.Verify("hellp\n"u8, signer.Sign(message)));
        Assert.False(NoteSigner.Generate("sum.example.com").Verifier.Verify(message, signer.Sign(message)));
    }

    [Fact]
    public void A_malformed_signer_key_is_refused_without_showing_the_secret()
    {
        var good = NoteSigner.Generate("db.example").Key;
        var parts = good.Split('+', 5);
        string[] bad =
        [
            good["PRIVATE+".Length..],
            string.Join('+', parts[..4]),
            $"PRIVATE+KEY+db example+{parts[3]}+{parts[4]}",
            $"PRIVATE+KEY+db.example+1234567+{parts[4]}",
            $"PRIVATE+KEY+db.example+{parts[3]}+{parts[4][..^2]}",
            $"PRIVATE+KEY+db.example+{parts[3]}+{Convert.ToBase64String([2, .. Convert.FromBase64String(parts[4])[1..]])}",
            $"PRIVATE+KEY+db.example+{parts[3]}+{Convert.ToBase64String(Convert.FromBase64String(parts[4])[..^1])}",
            $"PRIVATE+KEY+db.examples+{parts[3]}+{parts[4]}",
        ];

        var messages = bad.Select(key => Assert.Throws<SumDbException>(() => NoteSigner.Parse(key))).ToList();

        Assert.All(messages, e => Assert.Equal(SumDbProblem.MalformedKey, e.Problem));
        Assert.All(messages, e => Assert.DoesNotContain(parts[4][..10], e.Message));
        Assert.Equal(bad.Length, messages.Select(e => e.Message).Distinct().Count());
        Assert.Contains("does not match the name and key", messages[^1].Message);
    }

    [Theory]
    [InlineData("a+b")]
    [InlineData("")]
    [InlineData("tab\tname")]
    [InlineData("nbsp\u00a0name")]
    public void A_name_with_a_plus_or_space_or_nothing_cannot_have_a_key(string name)
    {
        Assert.Equal(SumDbProblem.MalformedKey, Assert.Throws<SumDbException>(() => NoteSigner.Generate(name)).Problem);
    }
}
