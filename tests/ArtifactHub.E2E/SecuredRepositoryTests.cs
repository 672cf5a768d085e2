using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArtifactHub.E2E.Infrastructure;
using ArtifactHub.TestSupport;

namespace ArtifactHub.E2E;

/// <summary>
/// A hosted repository <c>private</c> that anonymous callers may not read, a user alice whose role reads it, and a
/// module in it. The server also listens on HTTPS: the go command sends .netrc credentials only over HTTPS.
/// </summary>
public sealed class SecuredServerFixture : HostedGoServerFixture
{
    public const string PrivateRepository = "private";
    public const string Module = "corp.example.com/secret";
    public const string Version = "v1.0.0";
    public const string Alice = "alice";

    private readonly TestCertificate _tls = new();

    public string AlicePassword { get; } = "alice-" + Guid.NewGuid().ToString("N");

    public string PrivateUrl => $"https://127.0.0.1:{Server.TlsPort}/repository/{PrivateRepository}";

    public string CertificatePem => _tls.PemPath;

    protected override TestCertificate? Tls => _tls;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AdminAsync(HttpMethod.Post, "api/v1/repositories", new { name = PrivateRepository, format = "go", type = "hosted", anonymousRead = false });
        await AdminAsync(HttpMethod.Post, "api/v1/security/roles", new { name = "private-reader", privileges = new[] { $"repository:{PrivateRepository}:read" } });
        await AdminAsync(HttpMethod.Post, "api/v1/security/users", new { userName = Alice, password = AlicePassword, roles = new[] { "private-reader" } });

        var zip = ModuleZipBuilder.Simple(Module, Version, null, ("secret.go", "package secret\n\n// Word is the secret word.\nfunc Word() string { return \"swordfish\" }\n"));
        using var upload = new HttpRequestMessage(HttpMethod.Put, new Uri(Server.Root, $"repository/{PrivateRepository}/{Module}/@v/{Version}.zip")) { Content = new ByteArrayContent(zip) };
        upload.Headers.Authorization = AdminAuth;
        using var uploaded = await Http.SendAsync(upload);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, $"upload answered {(int)uploaded.StatusCode}: {await uploaded.Content.ReadAsStringAsync()}\n{ServerLogTail()}");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _tls.Dispose();
    }

    /// <summary>Alice creates a token for herself (HTTP Basic with her password); returns its id and text.</summary>
    public async Task<(long Id, string Token)> CreateAliceTokenAsync(string name)
    {
        using var answer = await SendAsync(HttpMethod.Post, "api/v1/security/tokens", new { name }, AliceAuth);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetInt64(), body.GetProperty("token").GetString()!);
    }

    public async Task RevokeAliceTokenAsync(long id)
    {
        using var _ = await SendAsync(HttpMethod.Delete, $"api/v1/security/tokens/{id}", null, AliceAuth, HttpStatusCode.NoContent);
    }

    /// <summary>A go environment for the private repository over HTTPS; with a token, HOME/.netrc holds it for alice.</summary>
    public GoSandbox NewGo(string name, string? token)
    {
        var go = new GoSandbox(this, name, () => PrivateUrl, new Dictionary<string, string>
        {
            ["SSL_CERT_FILE"] = CertificatePem,
            ["GONOSUMDB"] = "corp.example.com",
        });
        if (token is not null)
        {
            File.WriteAllText(Path.Combine(go.Home, ".netrc"), $"machine 127.0.0.1 login {Alice} password {token}\n");
        }

        return go;
    }

    private AuthenticationHeaderValue AliceAuth => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Alice}:{AlicePassword}")));

    private async Task AdminAsync(HttpMethod method, string path, object body)
    {
        using var _ = await SendAsync(method, path, body, AdminAuth, HttpStatusCode.Created);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, AuthenticationHeaderValue auth, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var request = new HttpRequestMessage(method, new Uri(Server.Root, path)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = auth;
        var response = await Http.SendAsync(request);
        Assert.True(response.StatusCode == expected, $"{method} /{path} answered {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}\n{ServerLogTail()}");
        return response;
    }
}

/// <summary>The go command against a repository closed to anonymous callers, with a token in .netrc, without, and revoked.</summary>
public sealed class SecuredRepositoryTests(SecuredServerFixture server) : IClassFixture<SecuredServerFixture>
{
    private const string Main = """
        package main

        import (
            "fmt"

            "corp.example.com/secret"
        )

        func main() { fmt.Println("the word is " + secret.Word()) }
        """;

    [Fact]
    public async Task With_a_token_in_netrc_go_builds_against_the_private_repository()
    {
        var (_, token) = await server.CreateAliceTokenAsync("laptop");
        using var go = server.NewGo("secured-token", token);

        var app = await ConsumerAsync(go);
        await go.RunOkAsync(app, "mod", "tidy");
        await go.RunOkAsync(app, "build", "-o", "app", ".");

        Assert.Equal("the word is swordfish", (await GoSandbox.RunBinaryAsync(Path.Combine(app, "app"))).Trim());
    }

    [Fact]
    public async Task Without_credentials_go_reports_the_401()
    {
        using var go = server.NewGo("secured-anonymous", token: null);

        var result = await go.RunAsync(await ConsumerAsync(go), "mod", "tidy");

        Assert.True(result.ExitCode != 0, $"go mod tidy succeeded without credentials:\n{result.StdOut}{result.StdErr}");
        Assert.Contains("401", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_revoked_token_go_fails_with_401()
    {
        var (id, token) = await server.CreateAliceTokenAsync("stolen laptop");
        await server.RevokeAliceTokenAsync(id);
        using var go = server.NewGo("secured-revoked", token);

        var result = await go.RunAsync(await ConsumerAsync(go), "mod", "tidy");

        Assert.True(result.ExitCode != 0, $"go mod tidy succeeded with a revoked token:\n{result.StdOut}{result.StdErr}");
        Assert.Contains("401", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(token, server.ServerLog, StringComparison.Ordinal);
    }

    private static async Task<string> ConsumerAsync(GoSandbox go)
    {
        var app = go.NewDir("app");
        await File.WriteAllTextAsync(Path.Combine(app, "go.mod"), "module example.com/secretapp\n\ngo 1.19\n");
        await File.WriteAllTextAsync(Path.Combine(app, "main.go"), Main);
        return app;
    }
}
