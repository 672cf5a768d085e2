using System.Text;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// A tree head whose note a trusted key signed (what <c>latest</c> serves and a lookup answer ends with). Only
/// <see cref="Open"/> and <see cref="Sign"/> make one, so holding one means its signature was checked.
/// </summary>
public sealed class SignedTreeHead
{
    private SignedTreeHead(SignedNote note, TreeHead head)
    {
        Note = note;
        Head = head;
    }

    public SignedNote Note { get; }

    public TreeHead Head { get; }

    public long Size => Head.Size;

    public TlogHash Root => Head.Root;

    /// <summary>Checks the note's signature by one of <paramref name="trusted"/>, then reads its text as a tree head.</summary>
    public static SignedTreeHead Open(ReadOnlySpan<byte> message, params IEnumerable<NoteVerifier> trusted)
    {
        var note = SignedNote.Open(message, trusted);
        return new SignedTreeHead(note, TreeHead.ParseText(note.Text));
    }

    /// <summary>The signed note of <paramref name="head"/>, as a database serves it at <c>latest</c>.</summary>
    public static SignedTreeHead Sign(TreeHead head, params IEnumerable<NoteSigner> signers) =>
        new(SignedNote.Sign(head.FormatText(), signers), head);

    /// <summary>The signed note's bytes, e.g. to keep as the newest head known.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(Note.Format());

    public override string ToString() => Head.ToString();
}
