using System.Security.Cryptography;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Storage.AzureBlob;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Storage.Tests.Conformance;

/// <summary>
/// The suite against Azurite, each test in a container of its own, with 1 MiB blocks so the large blob goes up in 21, and
/// listing pages of 2 blobs so that every listing test also follows continuation markers.
/// </summary>
public sealed class AzureBlobStoreConformance : BlobStoreConformance
{
    private AzureBlobRestClient? client;

    protected override async Task<IBlobStore> CreateStoreAsync()
    {
        var azurite = await AzuriteServer.SharedAsync();
        client = new AzureBlobRestClient(AzureStorageConnectionString.Parse(azurite.ConnectionString), AzuriteServer.NewContainerName("conformance"), blockSizeBytes: 1024 * 1024) { ListPageSize = 2 };
        return new AzureBlobStore(client);
    }

    [Fact]
    public async Task An_upload_cut_off_between_its_blocks_is_listed_and_can_be_collected()
    {
        var sha256 = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await client!.CreateContainerIfMissingAsync(default);
        var cutOff = new BreaksAfter(new MemoryStream(new byte[3 * 1024 * 1024]), 1536 * 1024);
        await Assert.ThrowsAsync<IOException>(() => client.UploadIfMissingAsync(BlobNames.RelativePath(sha256), cutOff, 3 * 1024 * 1024, default));
        Assert.False(await Store.ExistsAsync(sha256, default));

        var listed = Assert.Single(await ListAsync());
        Assert.Equal(sha256, listed.Sha256);
        Assert.True(await Store.DeleteIfUnchangedAsync(listed, default));

        Assert.Empty(await ListAsync());
    }

    /// <summary>A node killed mid-upload: the source breaks off after some bytes.</summary>
    private sealed class BreaksAfter(Stream inner, long limit) : Stream
    {
        private long read;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (read >= limit)
            {
                throw new IOException("the node died");
            }

            var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit - read)], cancellationToken);
            read += n;
            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        client?.Dispose();
    }
}
