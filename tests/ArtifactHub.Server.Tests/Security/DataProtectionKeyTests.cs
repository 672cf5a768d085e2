using System.Net;
using System.Net.Http.Json;
using ArtifactHub.Core.Security;
using ArtifactHub.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Server.Tests.Security;

/// <summary>
/// Two nodes with data folders of their own on one database: what one protects (a session cookie, an upstream
/// credential) the other reads, because the key ring lives in the database.
/// </summary>
public sealed class DataProtectionKeyTests : IDisposable
{
    private readonly ArtifactHubFactory first = new();
    private readonly ArtifactHubFactory second = new();
    private string? postgreSql;

    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_session_cookie_from_one_node_is_accepted_by_another(string provider)
    {
        var (a, b) = Nodes(provider);
        using var signedIn = await a.CreateClient().PostAsJsonAsync("/api/v1/session", new { userName = "admin", password = ArtifactHubFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ArtifactHub.Session=", StringComparison.Ordinal)).Split(';')[0];

        var other = b.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me") { Headers = { { "Cookie", cookie } } };
        using var answer = await other.SendAsync(me);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void An_upstream_credential_protected_by_one_node_is_read_by_another(string provider)
    {
        var (a, b) = Nodes(provider);

        var stored = a.Services.GetRequiredService<ISecretProtector>().Protect("upstream password");

        Assert.Equal("upstream password", b.Services.GetRequiredService<ISecretProtector>().TryUnprotect(stored));
    }

    [Fact]
    public void Credentials_protected_with_the_key_files_of_an_older_version_stay_readable_after_the_upgrade()
    {
        // The older version kept its key ring as files in {DataDir}/keys.
        var keys = Directory.CreateDirectory(Path.Combine(first.DataDir, "keys"));
        var old = DataProtectionProvider.Create(keys, b => b.SetApplicationName("ArtifactHub"));
        var stored = old.CreateProtector("ArtifactHub.UpstreamCredentials").Protect("kept secret");

        var upgraded = first.Services.GetRequiredService<ISecretProtector>();

        Assert.Equal("kept secret", upgraded.TryUnprotect(stored));
    }

    private (WebApplicationFactory<Program> A, WebApplicationFactory<Program> B) Nodes(string provider)
    {
        var database = new Dictionary<string, string?>();
        if (provider == "PostgreSql")
        {
            postgreSql = PostgresServer.Shared.CreateDatabase("keys");
            database["ArtifactHub:Database:Provider"] = "PostgreSql";
            database["ArtifactHub:Database:ConnectionString"] = postgreSql;
        }
        else
        {
            database["ArtifactHub:Database:Provider"] = "Sqlite";
            database["ArtifactHub:Database:ConnectionString"] = $"Data Source={Path.Combine(first.DataDir, "artifacthub.db")}";
        }

        WebApplicationFactory<Program> On(ArtifactHubFactory node) =>
            node.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(database)));

        var a = On(first);
        _ = a.Server; // migrated and started before the other node
        var b = On(second);
        _ = b.Server;
        return (a, b);
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
        if (postgreSql is not null)
        {
            PostgresServer.Shared.DropDatabase(postgreSql);
        }
    }
}
