using System.Net;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Storage.AzureBlob;
using ArtifactHub.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Tests.Hosting;

/// <summary>ArtifactHub:Storage:Provider picks the blob store at start-up; on AzureBlob the server keeps nothing on disk.</summary>
public sealed class BlobStorageProviderTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    [Fact]
    public void An_unknown_provider_stops_the_server_at_start()
    {
        using var server = factory.WithWebHostBuilder(b => b.UseSetting("ArtifactHub:Storage:Provider", "S3"));

        var error = Assert.ThrowsAny<OptionsValidationException>(() => server.CreateClient());

        Assert.Contains("'FileSystem' (the default) or 'AzureBlob'", error.Message);
    }

    [Theory]
    [InlineData(null, "ConnectionString is required")]
    [InlineData("AccountName=acme", "no AccountKey")]
    public void AzureBlob_without_a_usable_connection_string_stops_the_server_at_start(string? connectionString, string expected)
    {
        using var server = factory.WithWebHostBuilder(b => b
            .UseSetting("ArtifactHub:Storage:Provider", "azureblob")
            .UseSetting("ArtifactHub:Storage:ConnectionString", connectionString));

        var error = Assert.ThrowsAny<OptionsValidationException>(() => server.CreateClient());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task On_AzureBlob_a_published_module_is_served_from_the_container_and_nothing_is_kept_on_disk()
    {
        var azurite = await AzuriteServer.SharedAsync();
        using var server = factory.WithWebHostBuilder(b => b
            .UseSetting("ArtifactHub:Storage:Provider", "AzureBlob")
            .UseSetting("ArtifactHub:Storage:ConnectionString", azurite.ConnectionString)
            .UseSetting("ArtifactHub:Storage:Container", AzuriteServer.NewContainerName("server")));
        var admin = server.CreateBasicClient("admin", ArtifactHubFactory.AdminPassword);
        const string module = "example.com/azure/hello";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0", null, ("hello.go", "package hello\n"));

        await admin.PublishAsync(module, "v1.0.0", zip);

        Assert.IsType<AzureBlobStore>(server.Services.GetRequiredService<IBlobStore>());
        Assert.Equal(zip, await server.CreateClient().GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip")));
        using var head = await server.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, GoClient.Url(module, "@v/v1.0.0.zip")));
        Assert.Equal(zip.Length, head.Content.Headers.ContentLength);
        Assert.Equal((200, "Healthy"), await server.CreateClient().GetTextAsync("/readyz"));
        Assert.False(Directory.Exists(factory.BlobDir) && Directory.EnumerateFileSystemEntries(factory.BlobDir).Any(), $"{factory.BlobDir} holds files");
        Assert.Empty(factory.StagedFiles());
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().GetAsync(GoClient.Url(module, "@v/v1.0.0.mod"))).StatusCode);
    }
}
