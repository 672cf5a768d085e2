using System.Net;
using System.Text.Json;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Hosting;

public sealed class HealthAndOpenApiTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_endpoints_answer_healthy_without_credentials(string path)
    {
        var (status, body) = await factory.CreateClient().GetTextAsync(path);

        Assert.Equal((200, "Healthy"), (status, body));
    }

    [Fact]
    [Trait(TestStack.Trait, TestStack.SqliteDiskOnly)] // breaks the blob folder; the cluster tests stop Azurite instead
    public async Task Readiness_fails_when_the_blob_store_cannot_be_written()
    {
        _ = factory.CreateClient();
        var blobs = factory.BlobDir;
        if (Directory.Exists(blobs))
        {
            Directory.Delete(blobs, recursive: true);
        }

        await File.WriteAllTextAsync(blobs, "a file where the blob folder should be");
        try
        {
            using var response = await factory.CreateClient().GetAsync("/readyz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            File.Delete(blobs);
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_management_api()
    {
        var (status, body) = await factory.CreateClient().GetTextAsync("/openapi/v1.json");

        Assert.Equal(200, status);
        var paths = JsonDocument.Parse(body).RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/repositories", out _));
        Assert.True(paths.TryGetProperty("/api/v1/repositories/{name}/modules", out _));
    }
}
