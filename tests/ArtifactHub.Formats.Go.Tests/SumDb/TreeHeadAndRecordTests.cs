using System.Text;
using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Formats.Go.Tests.SumDb;

/// <summary>The checksum database's texts: tree heads, lookup answers and records.</summary>
public sealed class TreeHeadAndRecordTests
{
    private const string Root = "ipxOA27lm2Gmd04R9pT/LyNYGcDHW9K7qeJ9ZkiyYTk=";

    private const string Record =
        "golang.org/x/text v0.3.0 h1:g61tztE5qeGQ89tm6NTjjM9VPIm088od1l6aSorWRWg=\n" +
        "golang.org/x/text v0.3.0/go.mod h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ=\n";

    [Fact]
    public void A_tree_head_is_three_lines_and_later_lines_are_ignored()
    {
        var head = new TreeHead(12345, TlogHash.Parse(Root));

        Assert.Equal($"go.sum database tree\n12345\n{Root}\n", head.FormatText());
        Assert.Equal(head, TreeHead.ParseText(head.FormatText()));
        Assert.Equal(head, TreeHead.ParseText(head.FormatText() + "a later addition\n"));
    }

    [Theory]
    [InlineData("go.sum database tree v2\n5\n" + Root + "\n", "expected")]
    [InlineData("go.sum database tree\n5\n" + Root, "expected")]
    [InlineData("go.sum database tree\n05\n" + Root + "\n", "not a decimal number")]
    [InlineData("go.sum database tree\n-5\n" + Root + "\n", "not a decimal number")]
    [InlineData("go.sum database tree\n+5\n" + Root + "\n", "not a decimal number")]
    [InlineData("go.sum database tree\n99999999999999999999\n" + Root + "\n", "not a decimal number")]
    [InlineData("go.sum database tree\n5\nipxOA27lm2Gmd04R9pT/LyNYGcDHW9K7qeJ9ZkiyYT==\n", "not a base64 hash")]
    [InlineData("go.sum database tree\n5\nAAAA\n", "not a base64 hash")]
    public void A_malformed_tree_head_is_refused(string text, string why)
    {
        var e = Assert.Throws<SumDbException>(() => TreeHead.ParseText(text));

        Assert.Equal(SumDbProblem.MalformedTree, e.Problem);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void A_lookup_answer_is_the_id_the_record_a_blank_line_and_the_signed_head()
    {
        var signer = NoteSigner.Generate("sum.example");
        var head = SignedTreeHead.Sign(new TreeHead(10, TlogHash.Parse(Root)), signer);
        var bytes = Encoding.UTF8.GetBytes("7\n" + Record + "\n" + head.Note.Format());

        var answer = LookupAnswer.Parse(bytes);

        Assert.Equal(7, answer.Id);
        Assert.Equal(Record, Encoding.UTF8.GetString(answer.Record));
        Assert.Equal(head.ToBytes(), answer.SignedHead);
        Assert.Equal(bytes, answer.Format());
        Assert.Equal(head.Head, SignedTreeHead.Open(answer.SignedHead, signer.Verifier).Head);
    }

    [Theory]
    [InlineData("7", "no record id line")]
    [InlineData("x7\n" + Record + "\n", "is not a decimal number")]
    [InlineData("-7\n" + Record + "\n", "is not a decimal number")]
    [InlineData("07\n" + Record + "\n", "is not a decimal number")]
    [InlineData("7\n" + Record, "does not end in a blank line")]
    [InlineData("7\ngolang.org/x/text v0.3.0\u0000\n\n", "control character 0x00")]
    [InlineData("7\ngolang.org/x/text\tv0.3.0\n\n", "control character 0x09")]
    public void A_malformed_lookup_answer_is_refused(string answer, string why)
    {
        var e = Assert.Throws<SumDbException>(() => LookupAnswer.Parse(Encoding.UTF8.GetBytes(answer)));

        Assert.Equal(SumDbProblem.MalformedRecord, e.Problem);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void A_record_is_the_module_version_and_its_zip_and_go_mod_hashes()
    {
        var record = GoSumRecord.Parse(Record);

        Assert.Equal(new GoSumRecord("golang.org/x/text", "v0.3.0", "h1:g61tztE5qeGQ89tm6NTjjM9VPIm088od1l6aSorWRWg=", "h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ="), record);
        Assert.Equal(Record, record.Format());
        Assert.Equal(Record.TrimEnd('\n').Split('\n'), record.GoSumLines);
    }

    [Theory]
    [InlineData("golang.org/x/text v0.3.0 h1:a=\n", "expected 2 lines")]
    [InlineData("golang.org/x/text v0.3.0 h1:a=\ngolang.org/x/text v0.3.0/go.mod h1:b=", "does not end in a newline")]
    [InlineData("golang.org/x/text v0.3.0 h1:a=\ngolang.org/x/text v0.3.1/go.mod h1:b=\n", "the second line is for golang.org/x/text v0.3.1/go.mod")]
    [InlineData("golang.org/x/text v0.3.0 h1:a=\ngolang.org/x/net v0.3.0/go.mod h1:b=\n", "the second line is for golang.org/x/net")]
    [InlineData("golang.org/x/text v0.3.0  h1:a=\ngolang.org/x/text v0.3.0/go.mod h1:b=\n", "single spaces")]
    [InlineData("golang.org/x/text v0.3.0 a\ngolang.org/x/text v0.3.0/go.mod h1:b=\n", "\"a\" is not a hash")]
    [InlineData("golang.org/x/text v0.3.0 h1:a=\ngolang.org/x/text v0.3.0/go.mod h1:\n", "\"h1:\" is not a hash")]
    public void A_malformed_record_is_refused(string text, string why)
    {
        var e = Assert.Throws<SumDbException>(() => GoSumRecord.Parse(text));

        Assert.Equal(SumDbProblem.MalformedRecord, e.Problem);
        Assert.Contains(why, e.Message);
    }
}
