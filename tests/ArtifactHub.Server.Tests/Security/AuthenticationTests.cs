using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Security;

public sealed class AuthenticationTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    [Fact]
    public async Task An_upload_without_credentials_is_a_401_with_a_basic_challenge_and_stores_nothing()
    {
        const string module = "example.com/auth/none";

        using var response = await factory.CreateClient().UploadAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("realm=\"ArtifactHub\"", response.Headers.WwwAuthenticate.Single().Parameter);
        Assert.Equal(404, (await factory.CreateClient().GetTextAsync(GoClient.Url(module, "@v/list"))).Status);
    }

    [Theory]
    [InlineData("admin:wrong")]
    [InlineData("nobody:correct horse battery staple")]
    [InlineData("admin")]
    public async Task Wrong_credentials_are_a_401(string credentials)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

        using var response = await client.GetAsync("/api/v1/repositories");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Garbage_in_the_authorization_header_is_a_401_not_a_500()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic %%%not-base64%%%");

        using var response = await client.GetAsync("/api/v1/repositories");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_management_api_needs_credentials_and_reads_of_hosted_content_do_not()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/security/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateAdminClient().GetAsync("/api/v1/security/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/repository/go-hosted/example.com/auth/anon/@v/list")).StatusCode);
    }
}

/// <summary>First start with no configured password: one is generated into the data dir, for the owner only.</summary>
public sealed class AdminBootstrapTests : IDisposable
{
    private readonly ArtifactHubFactory factory = new() { ConfigurePassword = false };

    [Fact]
    public async Task The_generated_admin_password_is_written_to_a_file_only_its_owner_can_read_and_it_works()
    {
        _ = factory.CreateClient(); // starts the server
        var file = Path.Combine(factory.DataDir, "admin.password");

        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var password = await File.ReadAllTextAsync(file);
        Assert.True(password.Length >= 20);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateAdminClient(password).GetAsync("/api/v1/repositories")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateAdminClient(ArtifactHubFactory.AdminPassword).GetAsync("/api/v1/repositories")).StatusCode);
    }

    public void Dispose() => factory.Dispose();
}
