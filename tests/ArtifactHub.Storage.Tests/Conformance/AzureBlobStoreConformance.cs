using ArtifactHub.Core.Blobs;
using ArtifactHub.Storage.AzureBlob;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Storage.Tests.Conformance;

/// <summary>The suite against Azurite, each test in a container of its own, with 1 MiB blocks so the large blob goes up in 21.</summary>
public sealed class AzureBlobStoreConformance : BlobStoreConformance
{
    private AzureBlobRestClient? client;

    protected override async Task<IBlobStore> CreateStoreAsync()
    {
        var azurite = await AzuriteServer.SharedAsync();
        client = new AzureBlobRestClient(AzureStorageConnectionString.Parse(azurite.ConnectionString), AzuriteServer.NewContainerName("conformance"), blockSizeBytes: 1024 * 1024);
        return new AzureBlobStore(client);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        client?.Dispose();
    }
}
