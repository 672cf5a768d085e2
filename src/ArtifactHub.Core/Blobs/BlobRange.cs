namespace ArtifactHub.Core.Blobs;

/// <summary>
/// Bytes [<paramref name="Offset"/>, <paramref name="Offset"/> + <paramref name="Length"/>) of a blob. A range that
/// reaches past the end is clipped to the end; one that starts at or past the end holds no bytes.
/// </summary>
public readonly record struct BlobRange(long Offset, long Length)
{
    public long Offset { get; } = Offset >= 0 ? Offset : throw new ArgumentOutOfRangeException(nameof(Offset), Offset, "a range starts at 0 or later");

    public long Length { get; } = Length >= 0 ? Length : throw new ArgumentOutOfRangeException(nameof(Length), Length, "a range holds 0 bytes or more");

    /// <summary>From <paramref name="offset"/> to the end of the blob, whatever its size.</summary>
    public static BlobRange From(long offset) => new(offset, long.MaxValue - offset);

    /// <summary>Where this range starts and how many bytes it holds in a blob of <paramref name="blobLength"/> bytes.</summary>
    public (long Offset, long Length) ClipTo(long blobLength)
    {
        var offset = Math.Min(Offset, blobLength);
        return (offset, Math.Min(Length, blobLength - offset)); // no Offset + Length: it may overflow
    }
}
