using ArtifactHub.Core.Blobs;

namespace ArtifactHub.Storage.Tests.Conformance;

public sealed class FileSystemBlobStoreConformance : BlobStoreConformance
{
    private readonly string root = Directory.CreateTempSubdirectory("ah-fs-store-").FullName;

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(new FileSystemBlobStore(Path.Combine(root, "blobs")));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }
}
