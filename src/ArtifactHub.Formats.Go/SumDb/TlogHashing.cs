using System.Security.Cryptography;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>The two hashes of the log's Merkle tree (RFC 6962 §2.1), with 0x00 and 0x01 keeping leaves and nodes apart.</summary>
public static class TlogHashing
{
    /// <summary>A record's leaf hash: SHA-256(0x00 ‖ record).</summary>
    public static TlogHash RecordHash(ReadOnlySpan<byte> record)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData([0x00]);
        sha.AppendData(record);
        return TlogHash.FromBytes(sha.GetHashAndReset());
    }

    /// <summary>An interior node's hash: SHA-256(0x01 ‖ left ‖ right).</summary>
    public static TlogHash NodeHash(TlogHash left, TlogHash right)
    {
        Span<byte> input = stackalloc byte[1 + 2 * TlogHash.Size];
        input[0] = 0x01;
        left.Bytes.CopyTo(input[1..]);
        right.Bytes.CopyTo(input[(1 + TlogHash.Size)..]);
        return TlogHash.FromBytes(SHA256.HashData(input));
    }
}
