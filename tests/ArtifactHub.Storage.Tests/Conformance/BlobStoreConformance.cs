using System.Security.Cryptography;
using ArtifactHub.Core.Blobs;

namespace ArtifactHub.Storage.Tests.Conformance;

/// <summary>What every <see cref="IBlobStore"/> does, whatever keeps the bytes. A provider gets these tests by deriving.</summary>
public abstract class BlobStoreConformance : IAsyncLifetime
{
    private readonly string staging = Directory.CreateTempSubdirectory("ah-conformance-").FullName;

    protected IBlobStore Store { get; private set; } = null!;

    /// <summary>A new, empty store for one test.</summary>
    protected abstract Task<IBlobStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync()
    {
        Directory.Delete(staging, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_put_blob_reads_back_with_the_same_bytes_and_length()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        await using var staged = await StageAsync(bytes);

        Assert.Equal(BlobPutStatus.Created, await Store.PutAsync(staged, default));

        Assert.Equal(bytes, await ReadAllAsync(staged.Sha256, bytes.Length));
    }

    [Fact]
    public async Task An_empty_blob_is_a_blob()
    {
        await using var staged = await StageAsync([]);

        Assert.Equal(BlobPutStatus.Created, await Store.PutAsync(staged, default));

        Assert.True(await Store.ExistsAsync(staged.Sha256, default));
        Assert.Empty(await ReadAllAsync(staged.Sha256, 0));
    }

    [Fact]
    public async Task A_second_put_of_the_same_bytes_already_exists_and_leaves_the_blob_as_it_was()
    {
        var bytes = RandomNumberGenerator.GetBytes(1000);
        await using var first = await StageAsync(bytes);
        await using var second = await StageAsync(bytes);

        Assert.Equal(BlobPutStatus.Created, await Store.PutAsync(first, default));
        Assert.Equal(BlobPutStatus.AlreadyExists, await Store.PutAsync(second, default));

        Assert.Equal(bytes, await ReadAllAsync(first.Sha256, bytes.Length));
    }

    [Fact]
    public async Task Ten_concurrent_puts_of_the_same_bytes_store_them_once()
    {
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        var staged = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => StageAsync(bytes)));
        try
        {
            var results = await Task.WhenAll(staged.Select(s => Task.Run(() => Store.PutAsync(s, default))));

            // The contract: every put succeeds and the bytes are stored whole. How many racing puts report Created is not
            // part of it (nothing reads the status), so the test does not pin it to exactly one.
            Assert.True(results.Count(r => r == BlobPutStatus.Created) >= 1, $"statuses: {string.Join(", ", results)}");
            Assert.All(results, r => Assert.True(r is BlobPutStatus.Created or BlobPutStatus.AlreadyExists));
            Assert.Equal(bytes, await ReadAllAsync(staged[0].Sha256, bytes.Length));
        }
        finally
        {
            foreach (var file in staged)
            {
                await file.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Exists_tells_a_stored_blob_from_a_missing_one()
    {
        await using var staged = await StageAsync([1, 2, 3]);
        await Store.PutAsync(staged, default);

        Assert.True(await Store.ExistsAsync(staged.Sha256, default));
        Assert.False(await Store.ExistsAsync(Missing, default));
    }

    [Fact]
    public async Task Reading_or_deleting_a_missing_blob_is_not_an_error()
    {
        Assert.Null(await Store.OpenReadAsync(Missing, default));
        Assert.False(await Store.DeleteIfUnchangedAsync(new StoredBlob(Missing, 10, DateTimeOffset.UtcNow, "never-listed"), default));
        Assert.False(await Store.ExistsAsync(Missing, default));
    }

    [Fact]
    public async Task A_deleted_blob_no_longer_exists_and_can_be_put_again()
    {
        var bytes = RandomNumberGenerator.GetBytes(5000);
        await using var staged = await StageAsync(bytes);
        await Store.PutAsync(staged, default);

        Assert.True(await Store.DeleteIfUnchangedAsync(Assert.Single(await ListAsync()), default));

        Assert.False(await Store.ExistsAsync(staged.Sha256, default));
        Assert.Null(await Store.OpenReadAsync(staged.Sha256, default));
        Assert.Null(await Store.OpenReadAsync(staged.Sha256, new BlobRange(0, 10), default));
        Assert.Empty(await ListAsync());
        await using var again = await StageAsync(bytes);
        Assert.Equal(BlobPutStatus.Created, await Store.PutAsync(again, default));
        Assert.Equal(bytes, await ReadAllAsync(staged.Sha256, bytes.Length));
    }

    [Fact]
    public async Task A_range_in_the_middle_reads_only_those_bytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        await using var staged = await StageAsync(bytes);
        await Store.PutAsync(staged, default);

        var (content, read) = await ReadRangeAsync(staged.Sha256, new BlobRange(1_000, 5_000));

        Assert.Equal(bytes[1_000..6_000], read);
        Assert.Equal((1_000, 5_000, 300_000), (content.Offset, content.Length, content.BlobLength));
    }

    [Fact]
    public async Task A_range_to_the_end_reads_the_rest_of_the_blob()
    {
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        await using var staged = await StageAsync(bytes);
        await Store.PutAsync(staged, default);

        var (exact, exactBytes) = await ReadRangeAsync(staged.Sha256, new BlobRange(90_000, 10_000));
        var (open, openBytes) = await ReadRangeAsync(staged.Sha256, BlobRange.From(12_345));

        Assert.Equal(bytes[90_000..], exactBytes);
        Assert.Equal((90_000, 10_000, 100_000), (exact.Offset, exact.Length, exact.BlobLength));
        Assert.Equal(bytes[12_345..], openBytes);
        Assert.Equal((12_345, 100_000 - 12_345), (open.Offset, open.Length));
    }

    [Fact]
    public async Task A_range_past_the_end_is_clipped_to_the_end()
    {
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        await using var staged = await StageAsync(bytes);
        await Store.PutAsync(staged, default);

        var (content, read) = await ReadRangeAsync(staged.Sha256, new BlobRange(9_000, 5_000));

        Assert.Equal(bytes[9_000..], read);
        Assert.Equal((9_000, 1_000, 10_000), (content.Offset, content.Length, content.BlobLength));
    }

    [Fact]
    public async Task A_zero_length_range_reads_nothing_and_tells_the_blob_length()
    {
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        await using var staged = await StageAsync(bytes);
        await Store.PutAsync(staged, default);

        var (content, read) = await ReadRangeAsync(staged.Sha256, new BlobRange(500, 0));

        Assert.Empty(read);
        Assert.Equal((500, 0, 10_000), (content.Offset, content.Length, content.BlobLength));
    }

    [Theory]
    [InlineData(10_000, 1)]
    [InlineData(10_000, 0)]
    [InlineData(10_001, 100)]
    [InlineData(1_000_000, 5)]
    [InlineData(long.MaxValue - 1, 1)]
    public async Task A_range_that_starts_at_or_beyond_the_end_reads_nothing(long offset, long length)
    {
        await using var staged = await StageAsync(RandomNumberGenerator.GetBytes(10_000));
        await Store.PutAsync(staged, default);

        var (content, read) = await ReadRangeAsync(staged.Sha256, new BlobRange(offset, length));

        Assert.Empty(read);
        Assert.Equal((10_000, 0, 10_000), (content.Offset, content.Length, content.BlobLength));
    }

    [Fact]
    public async Task A_range_of_an_empty_blob_reads_nothing()
    {
        await using var staged = await StageAsync([]);
        await Store.PutAsync(staged, default);

        var (content, read) = await ReadRangeAsync(staged.Sha256, new BlobRange(0, 10));

        Assert.Empty(read);
        Assert.Equal((0, 0, 0), (content.Offset, content.Length, content.BlobLength));
    }

    [Fact]
    public async Task A_range_of_a_missing_blob_is_null()
    {
        Assert.Null(await Store.OpenReadAsync(Missing, new BlobRange(0, 10), default));
        Assert.Null(await Store.OpenReadAsync(Missing, new BlobRange(0, 0), default));
    }

    /// <summary>Larger than several blocks of any provider that splits uploads: the bytes and their SHA-256 survive.</summary>
    [Fact]
    public async Task A_large_blob_round_trips_with_its_sha256()
    {
        const int size = 20 * 1024 * 1024 + 12_345;
        var source = Path.Combine(staging, "large.bin");
        await using (var file = File.Create(source))
        {
            var chunk = new byte[1024 * 1024];
            for (var written = 0; written < size; written += chunk.Length)
            {
                RandomNumberGenerator.Fill(chunk);
                await file.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, size - written)));
            }
        }

        StagedFile staged;
        await using (var input = File.OpenRead(source))
        {
            staged = await StagedFile.WriteAsync(input, staging, long.MaxValue, default);
        }

        await using (staged)
        {
            Assert.Equal(BlobPutStatus.Created, await Store.PutAsync(staged, default));

            using var content = await Store.OpenReadAsync(staged.Sha256, default);
            Assert.NotNull(content);
            Assert.Equal(size, content.Length);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await content.Stream.ReadAsync(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                total += read;
            }

            Assert.Equal(size, total);
            Assert.Equal(staged.Sha256, Convert.ToHexStringLower(sha.GetHashAndReset()));

            // A range across block boundaries (1 MiB blocks on Azure): the same bytes as in the file.
            var expected = new byte[3 * 1024 * 1024];
            await using (var file = File.OpenRead(source))
            {
                file.Position = 5 * 1024 * 1024 - 100;
                await file.ReadExactlyAsync(expected);
            }

            Assert.Equal(expected, (await ReadRangeAsync(staged.Sha256, new BlobRange(5 * 1024 * 1024 - 100, expected.Length))).Bytes);
        }
    }

    [Fact]
    public async Task The_readiness_check_passes_on_a_working_store()
    {
        await Store.CheckAsync(default);
    }

    [Fact]
    public async Task The_listing_shows_every_blob_put_with_its_size_and_nothing_else()
    {
        await Store.CheckAsync(default); // a probe is not content
        var puts = new List<(string Sha256, long Size)>();
        foreach (var size in new[] { 0, 10, 3000, 70_000, 5 })
        {
            await using var staged = await StageAsync(RandomNumberGenerator.GetBytes(size));
            await Store.PutAsync(staged, default);
            puts.Add((staged.Sha256, size));
        }

        var listed = await ListAsync();

        Assert.Equal(puts.OrderBy(p => p.Sha256), listed.Select(b => (b.Sha256, b.Size)).OrderBy(p => p.Sha256));
        Assert.All(listed, b => Assert.InRange(b.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5)));
    }

    [Fact]
    public async Task Putting_bytes_already_stored_refreshes_the_blobs_last_modified_time()
    {
        var bytes = RandomNumberGenerator.GetBytes(1000);
        await using var first = await StageAsync(bytes);
        await Store.PutAsync(first, default);
        var before = Assert.Single(await ListAsync());

        await Task.Delay(TimeSpan.FromSeconds(1.1)); // Azure's Last-Modified counts whole seconds
        await using var again = await StageAsync(bytes);
        Assert.Equal(BlobPutStatus.AlreadyExists, await Store.PutAsync(again, default));

        var after = Assert.Single(await ListAsync());
        Assert.True(after.LastModified > before.LastModified, $"{after.LastModified:O} is not after {before.LastModified:O}");
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(bytes, await ReadAllAsync(first.Sha256, bytes.Length));
    }

    [Fact]
    public async Task Delete_if_unchanged_keeps_a_blob_put_again_since_it_was_listed_and_deletes_an_unchanged_one()
    {
        var bytes = RandomNumberGenerator.GetBytes(2000);
        await using var first = await StageAsync(bytes);
        await Store.PutAsync(first, default);
        var listed = Assert.Single(await ListAsync());

        await using var again = await StageAsync(bytes); // an upload about to refer to these bytes
        await Store.PutAsync(again, default);

        Assert.False(await Store.DeleteIfUnchangedAsync(listed, default));
        Assert.Equal(bytes, await ReadAllAsync(first.Sha256, bytes.Length));

        var relisted = Assert.Single(await ListAsync());
        Assert.True(await Store.DeleteIfUnchangedAsync(relisted, default));
        Assert.False(await Store.ExistsAsync(first.Sha256, default));
        Assert.Empty(await ListAsync());
        Assert.False(await Store.DeleteIfUnchangedAsync(relisted, default)); // already gone
    }

    [Fact]
    public async Task Concurrent_puts_of_bytes_being_deleted_never_lose_them()
    {
        var bytes = RandomNumberGenerator.GetBytes(4000);
        for (var round = 0; round < 5; round++)
        {
            await using var first = await StageAsync(bytes);
            await Store.PutAsync(first, default);
            var listed = Assert.Single(await ListAsync());
            await using var again = await StageAsync(bytes);

            var put = Task.Run(() => Store.PutAsync(again, default));
            var deleted = await Task.Run(() => Store.DeleteIfUnchangedAsync(listed, default));
            var status = await put;

            // A put that found the blob there must still find it there afterwards.
            if (status == BlobPutStatus.AlreadyExists || !deleted)
            {
                Assert.Equal(bytes, await ReadAllAsync(first.Sha256, bytes.Length));
            }

            foreach (var blob in await ListAsync())
            {
                await Store.DeleteIfUnchangedAsync(blob, default);
            }
        }
    }

    protected async Task<List<StoredBlob>> ListAsync()
    {
        var listed = new List<StoredBlob>();
        await foreach (var blob in Store.ListAsync(default))
        {
            listed.Add(blob);
        }

        return listed;
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKL")]
    [InlineData("aa/bb")]
    public async Task A_name_that_is_not_a_sha256_is_refused_before_it_reaches_storage(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(name, default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(name, new BlobRange(0, 10), default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(name, default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteIfUnchangedAsync(new StoredBlob(name, 10, DateTimeOffset.UtcNow, "listed"), default));
    }

    private static readonly string Missing = new('a', 64);

    protected Task<StagedFile> StageAsync(byte[] bytes) => StagedFile.WriteAsync(new MemoryStream(bytes), staging, long.MaxValue, default);

    /// <summary>Reads a range to its end; the stream must give exactly the content's Length.</summary>
    private async Task<(BlobContent Content, byte[] Bytes)> ReadRangeAsync(string sha256, BlobRange range)
    {
        using var content = await Store.OpenReadAsync(sha256, range, default);
        Assert.NotNull(content);
        using var copy = new MemoryStream();
        await content.Stream.CopyToAsync(copy);
        Assert.Equal(content.Length, copy.Length);
        return (content, copy.ToArray());
    }

    private async Task<byte[]> ReadAllAsync(string sha256, long expectedLength)
    {
        using var content = await Store.OpenReadAsync(sha256, default);
        Assert.NotNull(content);
        Assert.Equal(expectedLength, content.Length);
        using var copy = new MemoryStream();
        await content.Stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
