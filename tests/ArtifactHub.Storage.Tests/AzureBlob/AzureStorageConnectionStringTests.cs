using ArtifactHub.Storage.AzureBlob;

namespace ArtifactHub.Storage.Tests.AzureBlob;

public sealed class AzureStorageConnectionStringTests
{
    private const string Key = AzureStorageConnectionString.DevelopmentAccountKey;

    [Fact]
    public void Azurites_development_account_with_a_blob_endpoint_is_read_as_written()
    {
        var parsed = AzureStorageConnectionString.Parse($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;");

        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(Convert.FromBase64String(Key), parsed.AccountKey);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
    }

    [Fact]
    public void An_account_without_a_blob_endpoint_gets_the_public_cloud_endpoint_from_protocol_and_suffix()
    {
        Assert.Equal(new Uri("https://acme.blob.core.windows.net"), AzureStorageConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={Key};EndpointSuffix=core.windows.net").BlobEndpoint);
        Assert.Equal(new Uri("https://acme.blob.core.chinacloudapi.cn"), AzureStorageConnectionString.Parse($"AccountName=acme;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn").BlobEndpoint);
    }

    [Fact]
    public void Names_are_case_insensitive_and_spaces_around_parts_do_not_matter()
    {
        var parsed = AzureStorageConnectionString.Parse($" accountname = acme ; ACCOUNTKEY={Key} ");

        Assert.Equal("acme", parsed.AccountName);
        Assert.Equal(new Uri("https://acme.blob.core.windows.net"), parsed.BlobEndpoint);
    }

    [Fact]
    public void UseDevelopmentStorage_means_azurite_on_its_default_port()
    {
        var parsed = AzureStorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("AccountKey=" + Key, "no AccountName")]
    [InlineData("AccountName=acme", "no AccountKey")]
    [InlineData("AccountName=acme;AccountKey=not base64!", "not base64")]
    [InlineData("AccountName=acme;AccountKey=" + Key + ";BlobEndpoint=ftp://x", "BlobEndpoint")]
    [InlineData("AccountName=acme;AccountKey=" + Key + ";DefaultEndpointsProtocol=gopher", "DefaultEndpointsProtocol")]
    [InlineData("BlobEndpoint=https://acme.blob.core.windows.net;SharedAccessSignature=sv=2021", "shared access signature")]
    [InlineData("AccountName", "name=value")]
    public void A_broken_connection_string_says_what_is_wrong(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => AzureStorageConnectionString.Parse(connectionString));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_key_never_shows_in_text()
    {
        var parsed = AzureStorageConnectionString.Parse($"AccountName=acme;AccountKey={Key}");

        Assert.DoesNotContain(Key, parsed.ToString());
        Assert.DoesNotContain(Key[..20], Assert.Throws<FormatException>(() => AzureStorageConnectionString.Parse($"AccountName=acme;{Key[..30]}")).Message);
    }
}
