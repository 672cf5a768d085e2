using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArtifactHub.Core.Security;
using ArtifactHub.Formats.Go.SumDb;
using ArtifactHub.Server.Bundles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Server.Tests.Bundles;

/// <summary>The server's own bundle-signing key: made once, the same on every node, its private half protected.</summary>
public sealed class ServerSigningKeyTests
{
    [Fact]
    public async Task The_key_endpoint_answers_a_verifier_key_that_checks_what_the_server_signs()
    {
        await using var factory = new ArtifactHubFactory();

        var key = await VerifierKeyAsync(factory.CreateClient());
        var verifier = NoteVerifier.Parse(key);
        await using var scope = factory.Services.CreateAsyncScope();
        var signer = await scope.ServiceProvider.GetRequiredService<ServerSigningKey>().SignerAsync(CancellationToken.None);

        Assert.Equal("artifacthub", verifier.Name);
        Assert.NotNull(signer);
        var message = Encoding.UTF8.GetBytes("a bundle manifest\n");
        Assert.True(verifier.Verify(message, signer.Sign(message)));
        Assert.False(verifier.Verify(Encoding.UTF8.GetBytes("another manifest\n"), signer.Sign(message)));
    }

    [Fact]
    public async Task The_private_half_is_stored_protected_and_never_answered()
    {
        await using var factory = new ArtifactHubFactory();
        using var answer = await factory.CreateClient().GetAsync("/api/v1/bundles/key");
        var body = await answer.Content.ReadAsStringAsync();

        var stored = await factory.WithDbAsync(db => db.SigningKeys.SingleAsync(k => k.Purpose == SigningKey.Bundles));

        Assert.DoesNotContain("PRIVATE", body);
        Assert.DoesNotContain("PRIVATE", stored.ProtectedSignerKey);
        Assert.Equal(stored.VerifierKey, JsonDocument.Parse(body).RootElement.GetProperty("verifierKey").GetString());
    }

    [Fact]
    public async Task A_node_that_starts_on_a_database_with_a_key_signs_with_that_key()
    {
        // Nodes start one after the other: the first makes the key, the second finds it, as a restart would.
        await using var cluster = ClusterNodes.OnSqlite(2);

        Assert.Equal(await VerifierKeyAsync(cluster.Nodes[0].CreateClient()), await VerifierKeyAsync(cluster.Nodes[1].CreateClient()));
        Assert.Equal(1, await cluster.Nodes[1].WithDbAsync(db => db.SigningKeys.CountAsync()));
    }

    [Fact]
    public async Task The_key_carries_the_configured_name()
    {
        await using var factory = new ArtifactHubFactory();
        var named = factory.WithWebHostBuilder(b => b.UseSetting("ArtifactHub:Bundles:KeyName", "artifacthub.corp.example"));

        Assert.StartsWith("artifacthub.corp.example+", await VerifierKeyAsync(named.CreateClient()));
    }

    private static async Task<string> VerifierKeyAsync(HttpClient client)
    {
        using var answer = await client.GetAsync("/api/v1/bundles/key");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verifierKey").GetString()!;
    }
}
