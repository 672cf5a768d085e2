using System.Buffers.Binary;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// One signature line of a signed note, <c>— name base64(4-byte key hash ‖ signature)</c>.
/// </summary>
/// <param name="Signature">The bytes after the key hash: 64 for Ed25519.</param>
public sealed record NoteSignature(string Name, uint KeyHash, byte[] Signature)
{
    /// <summary>The em dash and space each signature line starts with.</summary>
    public const string LinePrefix = "\u2014 ";

    /// <summary>The signature line, newline included.</summary>
    public string Line
    {
        get
        {
            var raw = new byte[4 + Signature.Length];
            BinaryPrimitives.WriteUInt32BigEndian(raw, KeyHash);
            Signature.CopyTo(raw, 4);
            return $"{LinePrefix}{Name} {Convert.ToBase64String(raw)}\n";
        }
    }

    /// <summary>Who signed: <c>name+hash</c>, the way sumdb/note names a key in its errors.</summary>
    public string KeyId => $"{Name}+{NoteKeys.FormatHash(KeyHash)}";
}
