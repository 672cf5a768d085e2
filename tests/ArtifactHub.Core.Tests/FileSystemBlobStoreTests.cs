using System.Security.Cryptography;
using ArtifactHub.Core.Blobs;

namespace ArtifactHub.Core.Tests;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("ah-blobs-").FullName;

    private string Staging => Path.Combine(root, "tmp");

    private FileSystemBlobStore Store => new(Path.Combine(root, "blobs"));

    [Fact]
    public async Task Staging_names_the_bytes_by_their_sha256_and_counts_them()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        await using var staged = await StagedFile.WriteAsync(new MemoryStream(bytes), Staging, long.MaxValue, default);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), staged.Sha256);
        Assert.Equal(bytes.Length, staged.Size);
    }

    // What every blob store does (put, idempotence, concurrency, missing, delete, large blobs, bad names) is in
    // tests/ArtifactHub.Storage.Tests/Conformance; here is what only the file system store and staging do.

    [Fact]
    public async Task A_stored_blob_is_a_file_under_aa_bb_that_readers_may_send_from_disk()
    {
        var bytes = RandomNumberGenerator.GetBytes(1000);
        await using var staged = await StagedFile.WriteAsync(new MemoryStream(bytes), Staging, long.MaxValue, default);
        await Store.PutAsync(staged, default);

        using var content = await Store.OpenReadAsync(staged.Sha256, default);

        Assert.NotNull(content);
        var expected = Path.Combine(Store.Root, staged.Sha256[..2], staged.Sha256[2..4], staged.Sha256);
        Assert.Equal(expected, content.LocalPath);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(expected));
    }

    [Fact]
    public async Task A_range_on_disk_keeps_the_local_path_and_says_where_in_the_file_it_starts()
    {
        var bytes = RandomNumberGenerator.GetBytes(1000);
        await using var staged = await StagedFile.WriteAsync(new MemoryStream(bytes), Staging, long.MaxValue, default);
        await Store.PutAsync(staged, default);

        using var content = await Store.OpenReadAsync(staged.Sha256, new BlobRange(100, 50), default);

        Assert.NotNull(content);
        Assert.Equal(Path.Combine(Store.Root, staged.Sha256[..2], staged.Sha256[2..4], staged.Sha256), content.LocalPath);
        Assert.Equal((100, 50, 1000), (content.Offset, content.Length, content.BlobLength));
        var file = Assert.IsType<FileRangeStream>(content.Stream);
        var slice = new byte[50];
        Assert.Equal(50, RandomAccess.Read(file.Handle, slice, content.Offset));
        Assert.Equal(bytes[100..150], slice);
    }

    [Fact]
    public async Task Staged_files_are_gone_once_disposed_whether_stored_or_not()
    {
        await using (var stored = await StagedFile.WriteAsync(new MemoryStream([1, 2, 3]), Staging, long.MaxValue, default))
        {
            await Store.PutAsync(stored, default);
        }

        await using (await StagedFile.WriteAsync(new MemoryStream([4, 5, 6]), Staging, long.MaxValue, default))
        {
        }

        Assert.Empty(Directory.GetFiles(Staging));
    }

    [Fact]
    public async Task Content_over_the_limit_is_refused_and_leaves_no_file()
    {
        var tooBig = new MemoryStream(new byte[10_001]);

        await Assert.ThrowsAsync<ContentTooLargeException>(() => StagedFile.WriteAsync(tooBig, Staging, 10_000, default));

        Assert.Empty(Directory.GetFiles(Staging));
    }

    [Fact]
    public async Task The_readiness_check_fails_when_the_folder_cannot_be_written()
    {
        var file = Path.Combine(root, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");

        await Assert.ThrowsAnyAsync<IOException>(() => new FileSystemBlobStore(file).CheckAsync(default));
        await new FileSystemBlobStore(Path.Combine(root, "ok")).CheckAsync(default);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
