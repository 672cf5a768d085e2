using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Storage.AzureBlob;

public static class AzureBlobServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AzureBlobOptions"/> (checked at start-up when the provider is AzureBlob) and registers
    /// <see cref="AzureBlobStore"/> over <see cref="IAzureBlobClient"/>. Which store serves as IBlobStore is the host's choice.
    /// </summary>
    public static IServiceCollection AddAzureBlobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AzureBlobOptions>().Bind(configuration.GetSection(AzureBlobOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureBlobOptions>, AzureBlobOptionsValidation>());

        // The seam: an Azure.Storage.Blobs-backed IAzureBlobClient goes here instead.
        services.TryAddSingleton<IAzureBlobClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureBlobOptions>>().Value;
            return new AzureBlobRestClient(AzureStorageConnectionString.Parse(options.ConnectionString), options.Container, options.BlockSizeBytes);
        });
        services.TryAddSingleton<AzureBlobStore>();
        return services;
    }
}
