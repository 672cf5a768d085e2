namespace ArtifactHub.Storage.AzureBlob;

/// <summary>The parts of an Azure Storage connection string that Shared Key access to the Blob service needs.</summary>
public sealed record AzureStorageConnectionString(string AccountName, byte[] AccountKey, Uri BlobEndpoint)
{
    /// <summary>Azurite's well-known development account (documented with the emulator; not a secret).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The development account on Azurite at <paramref name="blobEndpoint"/> (path style: the account is the first path segment).</summary>
    public static string ForAzurite(Uri blobEndpoint) =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};BlobEndpoint={blobEndpoint.ToString().TrimEnd('/')};";

    /// <exception cref="FormatException">With a message that says which part is missing or wrong (never the key).</exception>
    public static AzureStorageConnectionString Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException("the Azure Storage connection string is empty");
        }

        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=');
            if (equals <= 0)
            {
                // The part itself is not quoted: it may be a misplaced key.
                throw new FormatException("the Azure Storage connection string has a part that is not in name=value form");
            }

            // Values may contain '=' (base64 keys), so split at the first one only.
            parts[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var useDevelopment) && useDevelopment)
        {
            return new AzureStorageConnectionString(DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey), new Uri($"http://127.0.0.1:10000/{DevelopmentAccountName}"));
        }

        if (parts.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("the Azure Storage connection string uses a shared access signature; ArtifactHub needs AccountName and AccountKey");
        }

        var account = Required(parts, "AccountName");
        var encodedKey = Required(parts, "AccountKey");
        byte[] key;
        try
        {
            key = Convert.FromBase64String(encodedKey);
        }
        catch (FormatException)
        {
            throw new FormatException("the Azure Storage connection string's AccountKey is not base64");
        }

        return new AzureStorageConnectionString(account, key, BlobEndpointOf(parts, account));
    }

    private static Uri BlobEndpointOf(Dictionary<string, string> parts, string account)
    {
        if (parts.TryGetValue("BlobEndpoint", out var endpoint))
        {
            if (!Uri.TryCreate(endpoint.TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new FormatException($"the Azure Storage connection string's BlobEndpoint is not an http(s) URL: '{endpoint}'");
            }

            return uri;
        }

        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException($"the Azure Storage connection string's DefaultEndpointsProtocol must be http or https, not '{protocol}'");
        }

        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new Uri($"{protocol}://{account}.blob.{suffix}");
    }

    private static string Required(Dictionary<string, string> parts, string name) =>
        parts.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"the Azure Storage connection string has no {name}");

    // The key stays out of logs and exception messages.
    public override string ToString() => $"AccountName={AccountName};BlobEndpoint={BlobEndpoint}";
}
