using System.Security.Cryptography;
using ArtifactHub.Core.Blobs;

namespace ArtifactHub.Core.Tests;

/// <summary>The seekable stream over ranged reads gives the blob's bytes wherever it is read, however much at a time.</summary>
public sealed class BlobRangeStreamTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("ah-rangestream-").FullName;

    private FileSystemBlobStore Store => new(Path.Combine(root, "blobs"));

    [Fact]
    public async Task Reads_after_seeks_anywhere_give_the_blobs_bytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        var sha256 = await PutAsync(bytes);
        await using var stream = await BlobRangeStream.OpenAsync(Store, sha256, readAhead: 1_000, default);
        Assert.NotNull(stream);
        Assert.Equal(bytes.Length, stream.Length);
        Assert.True(stream.CanSeek);

        // (where, how much): inside the first block, across a block's end, larger than a block, backwards near the end, past the end.
        foreach (var (at, count) in new[] { (10, 20), (990, 30), (2_500, 3_000), (9_990, 10), (9_000, 50), (8_999, 2), (9_995, 100), (0, 10_000) })
        {
            stream.Position = at;
            var read = new byte[count];
            var n = await stream.ReadAtLeastAsync(read, count, throwOnEndOfStream: false);
            Assert.Equal(bytes.AsSpan(at, Math.Min(count, bytes.Length - at)).ToArray(), read[..n]);
        }

        stream.Seek(-5, SeekOrigin.End);
        Assert.Equal(bytes[^5..], ReadToEnd(stream)); // the synchronous path too
        Assert.Equal(0, await stream.ReadAsync(new byte[10]));
    }

    [Fact]
    public async Task A_missing_blob_opens_as_null()
    {
        Assert.Null(await BlobRangeStream.OpenAsync(Store, new string('c', 64), BlobRangeStream.DefaultReadAhead, default));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private async Task<string> PutAsync(byte[] bytes)
    {
        await using var staged = await StagedFile.WriteAsync(new MemoryStream(bytes), Path.Combine(root, "tmp"), long.MaxValue, default);
        await Store.PutAsync(staged, default);
        return staged.Sha256;
    }

    private static byte[] ReadToEnd(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
