namespace ArtifactHub.Storage.AzureBlob;

/// <summary>Configuration section "ArtifactHub:Storage" (environment: <c>ArtifactHub__Storage__Provider=AzureBlob</c> and friends).</summary>
public sealed class AzureBlobOptions
{
    public const string Section = "ArtifactHub:Storage";

    public const string FileSystemProvider = "FileSystem";

    public const string AzureBlobProvider = "AzureBlob";

    /// <summary>"FileSystem" (default: blobs under the data folder) or "AzureBlob".</summary>
    public string Provider { get; set; } = FileSystemProvider;

    /// <summary>
    /// A storage account connection string with an account key:
    /// <c>DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net</c>,
    /// or with <c>BlobEndpoint=…</c> (Azurite), or <c>UseDevelopmentStorage=true</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Created when missing.</summary>
    public string Container { get; set; } = "artifacthub";

    /// <summary>Blobs up to this size go up in one request; larger ones in blocks of this size (one block in memory at a time).</summary>
    public int BlockSizeBytes { get; set; } = DefaultBlockSizeBytes;

    public const int DefaultBlockSizeBytes = 4 * 1024 * 1024;

    public bool IsAzureBlob => string.Equals(Provider, AzureBlobProvider, StringComparison.OrdinalIgnoreCase);

    public bool IsFileSystem => string.IsNullOrWhiteSpace(Provider) || string.Equals(Provider, FileSystemProvider, StringComparison.OrdinalIgnoreCase);
}
