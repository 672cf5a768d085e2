using System.Buffers.Binary;
using System.Text;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// A signed note (golang.org/x/mod/sumdb/note): a UTF-8 text ending in a newline, a blank line, then one or more
/// signature lines. A signature covers the text's bytes, final newline included, and nothing else. <see cref="Parse"/>
/// reads the form only; <see cref="Verify"/> (or <see cref="Open"/>) says whether a trusted key signed it.
/// </summary>
public sealed class SignedNote
{
    /// <summary>sumdb/note refuses notes with more signatures than this.</summary>
    public const int MaxSignatures = 100;

    private SignedNote(string text, IReadOnlyList<NoteSignature> signatures)
    {
        Text = text;
        Signatures = signatures;
    }

    /// <summary>The signed text, ending in "\n".</summary>
    public string Text { get; }

    /// <summary>Every signature line, verified or not, in the note's order.</summary>
    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>Parses and verifies: the note's text is to be trusted only when this returns.</summary>
    public static SignedNote Open(ReadOnlySpan<byte> message, IEnumerable<NoteVerifier> trusted)
    {
        var note = Parse(message);
        note.Verify(trusted);
        return note;
    }

    /// <summary>Reads a note's form; a <see cref="SumDbException"/> (<see cref="SumDbProblem.MalformedNote"/>) says what is wrong.</summary>
    public static SignedNote Parse(ReadOnlySpan<byte> message)
    {
        if (NoteText.Check(message) is { } bad)
        {
            throw Malformed(bad);
        }

        var split = message.LastIndexOf("\n\n"u8);
        if (split < 0)
        {
            throw Malformed("no blank line between the text and the signatures");
        }

        var text = Encoding.UTF8.GetString(message[..(split + 1)]);
        var lines = message[(split + 2)..];
        if (lines.IsEmpty)
        {
            throw Malformed("no signature lines after the blank line");
        }

        if (lines[^1] != (byte)'\n')
        {
            throw Malformed("the last signature line does not end in a newline");
        }

        var signatures = new List<NoteSignature>();
        foreach (var line in Encoding.UTF8.GetString(lines[..^1]).Split('\n'))
        {
            if (signatures.Count == MaxSignatures)
            {
                throw Malformed($"more than {MaxSignatures} signatures");
            }

            signatures.Add(ParseSignatureLine(line));
        }

        return new SignedNote(text, signatures);
    }

    /// <summary>A note of <paramref name="text"/> signed by each signer, in order (sumdb/note's Sign).</summary>
    public static SignedNote Sign(string text, params IEnumerable<NoteSigner> signers)
    {
        if (!text.EndsWith('\n'))
        {
            throw Malformed("the text does not end in a newline");
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (NoteText.Check(bytes) is { } bad)
        {
            throw Malformed(bad);
        }

        return new SignedNote(text, [.. signers.Select(s => new NoteSignature(s.Name, s.KeyHash, s.Sign(bytes)))]).RequireSigned();
    }

    /// <summary>This note with <paramref name="signer"/>'s signature added after the others (a cosignature).</summary>
    public SignedNote AddSignature(NoteSigner signer) =>
        new(Text, [.. Signatures, new NoteSignature(signer.Name, signer.KeyHash, signer.Sign(Encoding.UTF8.GetBytes(Text)))]);

    /// <summary>This note with the signatures <paramref name="keep"/> chooses (e.g. to drop one, or forge one in a test).</summary>
    public SignedNote WithSignatures(IEnumerable<NoteSignature> keep) => new SignedNote(Text, [.. keep]).RequireSigned();

    /// <summary>
    /// The signatures by trusted keys, all checked. Signatures by keys not in <paramref name="trusted"/> are passed over
    /// (a note may be cosigned by witnesses we do not know), but at least one must be by a trusted key
    /// (<see cref="SumDbProblem.UnknownKey"/>) and every one by a trusted key must verify (<see cref="SumDbProblem.BadSignature"/>).
    /// </summary>
    public IReadOnlyList<NoteSignature> Verify(IEnumerable<NoteVerifier> trusted)
    {
        var keys = trusted.ToLookup(v => (v.Name, v.KeyHash));
        var text = Encoding.UTF8.GetBytes(Text);
        var verified = new List<NoteSignature>();
        foreach (var signature in Signatures)
        {
            var candidates = keys[(signature.Name, signature.KeyHash)].DistinctBy(v => v.Key).ToList();
            if (candidates.Count == 0 || verified.Any(v => v.KeyId == signature.KeyId && v.Signature.AsSpan().SequenceEqual(signature.Signature)))
            {
                continue;
            }

            if (candidates.Count > 1)
            {
                throw new SumDbException(SumDbProblem.MalformedKey, $"ambiguous key {signature.KeyId}: two trusted keys have this name and hash");
            }

            if (!candidates[0].Verify(text, signature.Signature))
            {
                throw new SumDbException(SumDbProblem.BadSignature, $"invalid signature for key {signature.KeyId}");
            }

            verified.Add(signature);
        }

        if (verified.Count == 0)
        {
            throw new SumDbException(
                SumDbProblem.UnknownKey,
                $"note has no verifiable signatures: signed by {string.Join(", ", Signatures.Select(s => s.KeyId))}, trusted {string.Join(", ", keys.Select(k => $"{k.Key.Name}+{NoteKeys.FormatHash(k.Key.KeyHash)}"))}");
        }

        return verified;
    }

    /// <summary>The note as served: text, blank line, signature lines.</summary>
    public string Format() => Text + "\n" + string.Concat(Signatures.Select(s => s.Line));

    public byte[] FormatBytes() => Encoding.UTF8.GetBytes(Format());

    public override string ToString() => Format();

    private static NoteSignature ParseSignatureLine(string line)
    {
        if (!line.StartsWith(NoteSignature.LinePrefix, StringComparison.Ordinal))
        {
            throw Malformed($"signature line \"{line}\" does not start with \"{NoteSignature.LinePrefix}\"");
        }

        var body = line[NoteSignature.LinePrefix.Length..];
        var space = body.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? body : body[..space];
        var encoded = space < 0 ? "" : body[(space + 1)..];
        if (NoteKeys.CheckName(name) is { } badName)
        {
            throw Malformed($"signature line \"{line}\": {badName}");
        }

        if (encoded.Length == 0 || NoteKeys.DecodeBase64(encoded) is not { } raw)
        {
            throw Malformed($"signature line \"{line}\": the signature is not base64");
        }

        if (raw.Length < 5)
        {
            throw Malformed($"signature line \"{line}\": a signature is a 4-byte key hash and at least one byte");
        }

        return new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(raw), raw[4..]);
    }

    private SignedNote RequireSigned() => Signatures.Count > 0 ? this : throw Malformed("a note needs at least one signature");

    private static SumDbException Malformed(string why) => new(SumDbProblem.MalformedNote, "malformed note: " + why);
}
