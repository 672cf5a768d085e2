using System.Security.Cryptography;
using ArtifactHub.Storage.AzureBlob;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Storage.Tests.AzureBlob;

/// <summary>The REST client against Azurite: signing accepted, blocks, ranges, listing pages, races.</summary>
public sealed class AzureBlobRestClientTests
{
    private const int SmallBlock = 64 * 1024;

    private static async Task<AzureBlobRestClient> ClientAsync(int blockSize = SmallBlock, int listPageSize = 5000)
    {
        var azurite = await AzuriteServer.SharedAsync();
        var client = new AzureBlobRestClient(AzureStorageConnectionString.Parse(azurite.ConnectionString), AzuriteServer.NewContainerName("rest"), blockSize) { ListPageSize = listPageSize };
        await client.CreateContainerIfMissingAsync(default);
        return client;
    }

    [Fact]
    public async Task A_blob_larger_than_a_block_goes_up_in_blocks_of_the_configured_size_and_reads_back_whole()
    {
        using var client = await ClientAsync();
        var bytes = RandomNumberGenerator.GetBytes(5 * SmallBlock + 100);

        Assert.True(await client.UploadIfMissingAsync("big", new MemoryStream(bytes), bytes.Length, default));

        Assert.Equal([SmallBlock, SmallBlock, SmallBlock, SmallBlock, SmallBlock, 100], await client.GetCommittedBlockSizesAsync("big", default));
        Assert.Equal(bytes, await DownloadAsync(client, "big", null));
        Assert.Equal(bytes.Length, await client.GetLengthAsync("big", default));
    }

    [Theory]
    [InlineData(SmallBlock)]
    [InlineData(SmallBlock + 1)]
    [InlineData(2 * SmallBlock)]
    public async Task Sizes_at_the_block_boundary_round_trip(int size)
    {
        using var client = await ClientAsync();
        var bytes = RandomNumberGenerator.GetBytes(size);

        Assert.True(await client.UploadIfMissingAsync("edge", new MemoryStream(bytes), size, default));

        Assert.Equal(bytes, await DownloadAsync(client, "edge", null));
    }

    [Fact]
    public async Task An_upload_never_overwrites_whether_in_one_request_or_in_blocks()
    {
        using var client = await ClientAsync();
        var small = RandomNumberGenerator.GetBytes(100);
        var large = RandomNumberGenerator.GetBytes(3 * SmallBlock);
        await client.UploadIfMissingAsync("small", new MemoryStream(small), small.Length, default);
        await client.UploadIfMissingAsync("large", new MemoryStream(large), large.Length, default);

        Assert.False(await client.UploadIfMissingAsync("small", new MemoryStream(new byte[100]), 100, default));
        Assert.False(await client.UploadIfMissingAsync("large", new MemoryStream(new byte[3 * SmallBlock]), 3 * SmallBlock, default));

        Assert.Equal(small, await DownloadAsync(client, "small", null));
        Assert.Equal(large, await DownloadAsync(client, "large", null));
    }

    [Fact]
    public async Task Concurrent_block_uploads_of_one_name_create_it_once()
    {
        using var client = await ClientAsync();
        var bytes = RandomNumberGenerator.GetBytes(4 * SmallBlock + 7);

        var created = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => client.UploadIfMissingAsync("raced", new MemoryStream(bytes), bytes.Length, default))));

        Assert.Single(created, c => c);
        Assert.Equal(bytes, await DownloadAsync(client, "raced", null));
    }

    [Fact]
    public async Task A_range_reads_only_those_bytes()
    {
        using var client = await ClientAsync();
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        await client.UploadIfMissingAsync("ranged", new MemoryStream(bytes), bytes.Length, default);

        Assert.Equal(bytes[100..150], await DownloadAsync(client, "ranged", new AzureBlobRange(100, 50)));
        Assert.Equal(bytes[9_990..], await DownloadAsync(client, "ranged", new AzureBlobRange(9_990)));
    }

    [Fact]
    public async Task Missing_blobs_are_null_or_false_not_errors()
    {
        using var client = await ClientAsync();

        Assert.Null(await client.DownloadAsync("nope", null, default));
        Assert.Null(await client.GetLengthAsync("nope", default));
        Assert.False(await client.DeleteIfExistsAsync("nope", default));
        await client.CreateContainerIfMissingAsync(default); // a second time is fine
    }

    [Fact]
    public async Task Listing_follows_markers_across_pages_and_keeps_to_the_prefix()
    {
        using var client = await ClientAsync(listPageSize: 2);
        var names = Enumerable.Range(0, 5).Select(i => $"ab/cd/{i:D2}").ToList();
        foreach (var name in names.Append("ef/00/other"))
        {
            await client.UploadIfMissingAsync(name, new MemoryStream(new byte[7]), 7, default);
        }

        var listed = new List<AzureBlobItem>();
        await foreach (var item in client.ListAsync("ab/", default))
        {
            listed.Add(item);
        }

        Assert.Equal(names, listed.Select(i => i.Name));
        Assert.All(listed, i => Assert.Equal(7, i.Length));
    }

    [Fact]
    public async Task A_wrong_account_key_is_refused_by_the_service_with_a_clear_error()
    {
        var wrongKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var azurite = await AzuriteServer.SharedAsync();
        using var client = new AzureBlobRestClient(
            AzureStorageConnectionString.Parse(azurite.ConnectionString.Replace(AzureStorageConnectionString.DevelopmentAccountKey, wrongKey, StringComparison.Ordinal)),
            AzuriteServer.NewContainerName("wrongkey"));

        var error = await Assert.ThrowsAsync<AzureBlobException>(() => client.CreateContainerIfMissingAsync(default));

        Assert.Equal(403, error.Status);
        Assert.Contains(error.ErrorCode, new[] { "AuthenticationFailed", "AuthorizationFailure" });
        Assert.Contains("403", error.Message);
    }

    [Fact]
    public async Task A_download_is_a_stream_read_from_the_network_with_the_length_up_front()
    {
        using var client = await ClientAsync();
        var bytes = RandomNumberGenerator.GetBytes(2 * 1024 * 1024);
        await client.UploadIfMissingAsync("streamed", new MemoryStream(bytes), bytes.Length, default);

        using var download = await client.DownloadAsync("streamed", null, default);

        Assert.NotNull(download);
        Assert.Equal(bytes.Length, download.Length);
        Assert.False(download.Content.CanSeek); // not a buffered copy
        var first = new byte[10];
        await download.Content.ReadExactlyAsync(first);
        Assert.Equal(bytes[..10], first);
    }

    private static async Task<byte[]> DownloadAsync(AzureBlobRestClient client, string name, AzureBlobRange? range)
    {
        using var download = await client.DownloadAsync(name, range, default);
        Assert.NotNull(download);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);
        Assert.Equal(download.Length, copy.Length);
        return copy.ToArray();
    }
}
