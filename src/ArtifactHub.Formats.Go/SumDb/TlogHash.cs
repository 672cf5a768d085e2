namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// A SHA-256 in the checksum database's transparency log (golang.org/x/mod/sumdb/tlog's Hash): a record's hash, an
/// interior node's, or a tree's root. Written in standard base64 (44 characters) in tree heads and errors.
/// </summary>
public readonly struct TlogHash : IEquatable<TlogHash>
{
    public const int Size = 32;

    private static readonly byte[] ZeroBytes = new byte[Size];

    private readonly byte[]? _bytes;

    private TlogHash(byte[] bytes) => _bytes = bytes;

    /// <summary>All zero: the root of the empty tree.</summary>
    public static TlogHash Zero => default;

    public ReadOnlySpan<byte> Bytes => _bytes ?? ZeroBytes;

    public static TlogHash FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Size ? new TlogHash(bytes.ToArray()) : throw new ArgumentException($"a tlog hash is {Size} bytes, not {bytes.Length}", nameof(bytes));

    /// <summary>Parses the base64 form; null when it is not 32 bytes of standard base64.</summary>
    public static TlogHash? TryParse(string base64) => NoteKeys.DecodeBase64(base64) is { Length: Size } bytes ? new TlogHash(bytes) : null;

    public static TlogHash Parse(string base64) =>
        TryParse(base64) ?? throw new FormatException($"malformed hash \"{base64}\": expected 32 bytes in base64");

    public byte[] ToArray() => Bytes.ToArray();

    public override string ToString() => Convert.ToBase64String(Bytes);

    public bool Equals(TlogHash other) => Bytes.SequenceEqual(other.Bytes);

    public override bool Equals(object? obj) => obj is TlogHash other && Equals(other);

    public override int GetHashCode() => BitConverter.ToInt32(Bytes[..4]);

    public static bool operator ==(TlogHash left, TlogHash right) => left.Equals(right);

    public static bool operator !=(TlogHash left, TlogHash right) => !left.Equals(right);
}
