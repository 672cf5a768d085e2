using ArtifactHub.Core;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Storage.AzureBlob;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Hosting;

public static class BlobStoreServiceCollectionExtensions
{
    /// <summary>
    /// The blob store named by ArtifactHub:Storage:Provider: FileSystem (default, {DataDir}/blobs) or AzureBlob.
    /// Anything else, or AzureBlob without a usable connection string, stops the server at start-up.
    /// </summary>
    public static IServiceCollection AddBlobStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAzureBlobStorage(configuration);
        services.AddOptions<AzureBlobOptions>()
            .Validate(o => o.IsFileSystem || o.IsAzureBlob, "ArtifactHub:Storage:Provider must be 'FileSystem' (the default) or 'AzureBlob'");

        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<IOptions<AzureBlobOptions>>().Value.IsAzureBlob
            ? sp.GetRequiredService<AzureBlobStore>()
            : new FileSystemBlobStore(Path.Combine(sp.GetRequiredService<IOptions<ArtifactHubOptions>>().Value.FullDataDir, "blobs")));
        return services;
    }
}
