using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Storage.AzureBlob;

/// <summary>Fails start-up with a message that names the setting, when AzureBlob is the provider and its settings are wrong.</summary>
internal sealed partial class AzureBlobOptionsValidation : IValidateOptions<AzureBlobOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureBlobOptions options)
    {
        if (!options.IsAzureBlob)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("ArtifactHub:Storage:ConnectionString is required when ArtifactHub:Storage:Provider is AzureBlob (DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…)");
        }
        else
        {
            try
            {
                AzureStorageConnectionString.Parse(options.ConnectionString);
            }
            catch (FormatException e)
            {
                failures.Add($"ArtifactHub:Storage:ConnectionString: {e.Message}");
            }
        }

        if (!ContainerName().IsMatch(options.Container ?? "") || options.Container!.Contains("--", StringComparison.Ordinal))
        {
            failures.Add($"ArtifactHub:Storage:Container '{options.Container}' is not a container name (3-63 lower-case letters, digits and single hyphens)");
        }

        if (options.BlockSizeBytes is < 1 or > AzureBlobRestClient.MaxBlockSizeBytes)
        {
            failures.Add($"ArtifactHub:Storage:BlockSizeBytes must be between 1 and {AzureBlobRestClient.MaxBlockSizeBytes}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$")]
    private static partial Regex ContainerName();
}
