using System.Net;

namespace ArtifactHub.Server.Tests.Security;

/// <summary>
/// Whatever is in an Authorization header that does not sign the caller in is refused before authorization, also
/// where callers without credentials may read: authorization counts a caller that is not signed in as one that sent
/// no credentials.
/// </summary>
public sealed class RefusedCredentialsTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    [Theory]
    [InlineData("Basic YWRtaW46d3Jvbmc=")] // admin:wrong
    [InlineData("Basic %%%not-base64%%%")]
    [InlineData("Basic")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer ah_unknown0000000000000000000000000000")]
    [InlineData("Digest username=\"admin\"")]
    [InlineData("garbage")]
    public async Task An_authorization_header_that_does_not_sign_in_is_a_401_where_anonymous_callers_may_read(string authorization)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        foreach (var url in new[] { "/repository/go-hosted/example.com/refused/@v/list", "/api/v1/repositories", "/api/v1/repositories/go-hosted/modules" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(url)).StatusCode);
            Assert.NotEqual(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(url)).StatusCode);
        }
    }
}
