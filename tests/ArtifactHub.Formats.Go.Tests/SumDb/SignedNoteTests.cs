using System.Text;
using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Formats.Go.Tests.SumDb;

/// <summary>Signed notes: their form, and the three ways one fails to verify (malformed, unknown key, bad signature).</summary>
public sealed class SignedNoteTests
{
    private static readonly NoteSigner Database = NoteSigner.Generate("sum.example");
    private const string Text = "go.sum database tree\n5\nipxOA27lm2Gmd04R9pT/LyNYGcDHW9K7qeJ9ZkiyYTk=\n";

    [Fact]
    public void A_signed_note_is_the_text_a_blank_line_and_an_em_dash_line_per_signature_and_parses_back()
    {
        var witness = NoteSigner.Generate("witness.example");
        var note = SignedNote.Sign(Text, Database).AddSignature(witness);
        var formatted = note.Format();

        Assert.StartsWith(Text + "\n\u2014 sum.example ", formatted);
        Assert.Contains("\n\u2014 witness.example ", formatted);
        Assert.Equal(2, formatted.Split('\n').Count(l => l.StartsWith('\u2014')));
        var sigLine = formatted.Split('\n')[4];
        Assert.Equal(4 + 64, Convert.FromBase64String(sigLine.Split(' ')[2]).Length);

        var parsed = SignedNote.Parse(Encoding.UTF8.GetBytes(formatted));
        Assert.Equal(Text, parsed.Text);
        Assert.Equal(formatted, parsed.Format());
        Assert.Equal([Database.KeyHash, witness.KeyHash], parsed.Signatures.Select(s => s.KeyHash));
        Assert.Equal(2, parsed.Verify([Database.Verifier, witness.Verifier]).Count);
    }

    [Fact]
    public void A_note_cosigned_by_a_key_we_do_not_know_verifies_by_the_one_we_know()
    {
        var note = SignedNote.Sign(Text, NoteSigner.Generate("witness.example"), Database);

        var verified = SignedNote.Open(note.FormatBytes(), [Database.Verifier]).Verify([Database.Verifier]);

        Assert.Equal("sum.example", Assert.Single(verified).Name);
    }

    [Fact]
    public void A_note_signed_only_by_another_key_even_of_the_same_name_is_by_an_unknown_key()
    {
        var impostor = NoteSigner.Generate("sum.example");
        var note = SignedNote.Sign(Text, impostor).FormatBytes();

        var e = Assert.Throws<SumDbException>(() => SignedNote.Open(note, [Database.Verifier]));

        Assert.Equal(SumDbProblem.UnknownKey, e.Problem);
        Assert.Contains($"sum.example+{NoteKeys.FormatHash(impostor.KeyHash)}", e.Message);
    }

    [Fact]
    public void A_changed_text_or_signature_or_a_signature_by_another_key_under_the_trusted_keys_hash_is_a_bad_signature()
    {
        var note = SignedNote.Sign(Text, Database);
        var changedText = Encoding.UTF8.GetBytes(note.Format().Replace("\n5\n", "\n6\n", StringComparison.Ordinal));
        var signature = note.Signatures[0];
        var flipped = (byte[])signature.Signature.Clone();
        flipped[10] ^= 1;
        var forged = SignedNote.Sign(Text, NoteSigner.Generate("sum.example")).Signatures[0] with { KeyHash = Database.KeyHash };

        foreach (var bad in new[] { changedText, note.WithSignatures([signature with { Signature = flipped }]).FormatBytes(), note.WithSignatures([forged]).FormatBytes() })
        {
            var e = Assert.Throws<SumDbException>(() => SignedNote.Open(bad, [Database.Verifier]));
            Assert.Equal(SumDbProblem.BadSignature, e.Problem);
            Assert.Contains($"invalid signature for key sum.example+{NoteKeys.FormatHash(Database.KeyHash)}", e.Message);
        }
    }

    [Fact]
    public void A_bad_signature_by_a_trusted_key_fails_the_note_even_beside_a_good_one()
    {
        var note = SignedNote.Sign(Text, Database);
        var bad = note.Signatures[0] with { Signature = new byte[64] };

        var e = Assert.Throws<SumDbException>(() => SignedNote.Open(note.WithSignatures([note.Signatures[0], bad]).FormatBytes(), [Database.Verifier]));

        Assert.Equal(SumDbProblem.BadSignature, e.Problem);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { Text + "\u2014 sum.example AAAAAAAA\n", "no blank line" },
        { Text + "\n", "no signature lines" },
        { Text + "\n\u2014 sum.example AAAAAAAA", "does not end in a newline" },
        { Text + "\n- sum.example AAAAAAAA\n", "does not start with" },
        { Text + "\n\u2014 sum.example\n", "not base64" },
        { Text + "\n\u2014 sum.example AAAA*AAA\n", "not base64" },
        { Text + "\n\u2014 sum.example AAAAAA==\n", "at least one byte" },
        { Text + "\n\u2014 sum+example AAAAAAAA\n", "contains '+'" },
        { Text + "\n\u2014  AAAAAAAA\n", "the name is empty" },
        { "go.sum\ttree\n\n\u2014 sum.example AAAAAAAA\n", "control character 0x09" },
        { Text + "\n\u2014 sum.example AAAAAAAA\nsum.example AAAAAAAA\n", "does not start with" },
        { Text + "\n\u2014 sum.example AAAAAAAA\n\n", "no signature lines" },
        { Text + "\n" + string.Concat(Enumerable.Repeat("\u2014 sum.example AAAAAAAA\n", 101)), "more than 100 signatures" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_note_is_refused_saying_what_is_wrong(string note, string why)
    {
        var e = Assert.Throws<SumDbException>(() => SignedNote.Open(Encoding.UTF8.GetBytes(note), [Database.Verifier]));

        Assert.Equal(SumDbProblem.MalformedNote, e.Problem);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void A_note_that_is_not_UTF8_is_malformed()
    {
        byte[] note = [.. "go.sum \xff\n"u8.ToArray().Take(7), 0xff, (byte)'\n', .. "\n\u2014 sum.example AAAAAAAA\n"u8];

        Assert.Contains("not valid UTF-8", Assert.Throws<SumDbException>(() => SignedNote.Parse(note)).Message);
    }

    [Fact]
    public void Only_a_text_ending_in_a_newline_can_be_signed()
    {
        Assert.Equal(SumDbProblem.MalformedNote, Assert.Throws<SumDbException>(() => SignedNote.Sign("no newline", Database)).Problem);
        Assert.Equal(SumDbProblem.MalformedNote, Assert.Throws<SumDbException>(() => SignedNote.Sign("text\n", Array.Empty<NoteSigner>())).Problem);
    }
}
