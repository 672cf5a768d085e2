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

    [Fact]
    public async Task A_put_stores_the_bytes_once_and_a_second_put_of_the_same_bytes_is_a_no_op()
    {
        var bytes = RandomNumberGenerator.GetBytes(1000);
        await using var first = await StagedFile.WriteAsync(new MemoryStream(bytes), Staging, long.MaxValue, default);
        await using var second = await StagedFile.WriteAsync(new MemoryStream(bytes), Staging, long.MaxValue, default);

        Assert.Equal(BlobPutStatus.Created, await Store.PutAsync(first, default));
        Assert.Equal(BlobPutStatus.AlreadyExists, await Store.PutAsync(second, default));

        using var content = await Store.OpenReadAsync(first.Sha256, default);
        Assert.NotNull(content);
        using var copy = new MemoryStream();
        await content.Stream.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(Path.Combine(Store.Root, first.Sha256[..2], first.Sha256[2..4], first.Sha256), content.LocalPath);
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
    public async Task Reading_or_deleting_a_blob_that_is_not_there_is_not_an_error()
    {
        var missing = new string('a', 64);

        Assert.Null(await Store.OpenReadAsync(missing, default));
        Assert.False(await Store.ExistsAsync(missing, default));
        await Store.DeleteAsync(missing, default);
    }

    [Fact]
    public async Task A_name_that_is_not_a_sha256_never_reaches_the_file_system()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync("../../etc/passwd", default));
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
