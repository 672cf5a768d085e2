using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Server.Tests.Security;

/// <summary>
/// Every endpoint the server maps, asked by every kind of caller, against a rule table. The endpoints come from the
/// app's own <see cref="EndpointDataSource"/>: a new endpoint without a rule fails <see cref="Every_endpoint_has_a_rule"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    public enum Caller
    {
        Anonymous,
        ReaderOfA,
        PublisherOfA,
        Admin,
        RevokedToken,
        ExpiredToken,
        TokenNarrowedToB,
    }

    public enum Outcome
    {
        /// <summary>Anything but 401 and 403: the request got past authorization (404, 400 and 201 all count).</summary>
        Allowed,
        Unauthorized,
        Forbidden,
    }

    private const Outcome A = Outcome.Allowed;
    private const Outcome U = Outcome.Unauthorized;
    private const Outcome F = Outcome.Forbidden;

    /// <summary>What each kind of caller gets, in the order of <see cref="Caller"/>.</summary>
    public sealed record Expect(Outcome Anonymous, Outcome ReaderOfA, Outcome PublisherOfA, Outcome Admin, Outcome RevokedToken, Outcome ExpiredToken, Outcome TokenNarrowedToB)
    {
        public Outcome For(Caller caller) => caller switch
        {
            Caller.Anonymous => Anonymous,
            Caller.ReaderOfA => ReaderOfA,
            Caller.PublisherOfA => PublisherOfA,
            Caller.Admin => Admin,
            Caller.RevokedToken => RevokedToken,
            Caller.ExpiredToken => ExpiredToken,
            _ => TokenNarrowedToB,
        };
    }

    // Refused credentials (a revoked or expired token) are a 401 everywhere, even where no credentials are needed.
    private static readonly Expect Open = new(A, A, A, A, U, U, A);
    private static readonly Expect SignedIn = new(U, A, A, A, U, U, A);
    private static readonly Expect OwnTokens = new(U, A, A, A, U, U, F);
    private static readonly Expect GlobalPrivilege = new(U, F, F, A, U, U, F);
    private static readonly Expect ReadA = new(U, A, A, A, U, U, F);
    private static readonly Expect WriteA = new(U, F, A, A, U, U, F);
    private static readonly Expect DeleteA = new(U, F, F, A, U, U, F);
    private static readonly Expect ReadB = new(A, A, A, A, U, U, A); // team-b is open to anonymous reads (the defaults), so to every signed-in caller too
    private static readonly Expect ChangeB = new(U, F, F, A, U, U, A);

    /// <summary>One request to make and what each caller gets for it.</summary>
    public sealed record Case(Func<Fixture, HttpRequestMessage> Request, Expect Expect);

    private static Case On(string method, string url, Expect expect, Func<object>? body = null) =>
        new(_ => Request(method, url, body?.Invoke()), expect);

    private static HttpRequestMessage Request(string method, string url, object? body) =>
        new(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) };

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private const string ModuleA = "/repository/team-a/example.com/matrix/mod/@v";
    private const string ModuleB = "/repository/team-b/example.com/matrix/mod/@v";

    /// <summary>The rule table: "METHOD /route/pattern" (as the app maps it) → requests and outcomes.</summary>
    private static readonly Dictionary<string, Case[]> Rules = new()
    {
        ["GET /healthz"] = [On("GET", "/healthz", Open)],
        ["GET /readyz"] = [On("GET", "/readyz", Open)],
        ["GET /openapi/{documentName}.json"] = [On("GET", "/openapi/v1.json", Open)],
        ["GET /"] = [On("GET", "/", Open)],
        ["GET /ui/{**path}"] = [On("GET", "/ui/repositories/team-a", Open)],

        ["POST /api/v1/session"] = [On("POST", "/api/v1/session", Open, () => new { })],
        ["DELETE /api/v1/session"] = [On("DELETE", "/api/v1/session", Open)],
        ["GET /api/v1/session/antiforgery"] = [On("GET", "/api/v1/session/antiforgery", Open)],

        ["GET /repository/{repository}/{**path}"] =
            [On("GET", ModuleA + "/list", ReadA), On("GET", ModuleB + "/list", ReadB), On("GET", "/repository/raw-a/dir/", ReadA), On("GET", "/repository/raw-b/f.txt", ReadB)],
        ["HEAD /repository/{repository}/{**path}"] = [On("HEAD", ModuleA + "/list", ReadA), On("HEAD", ModuleB + "/list", ReadB), On("HEAD", "/repository/raw-a/f.txt", ReadA)],
        ["PUT /repository/{repository}/{**path}"] =
        [
            On("PUT", ModuleA + "/v1.0.0.zip", WriteA, () => "not a zip"), On("PUT", ModuleB + "/v1.0.0.zip", ChangeB, () => "not a zip"),
            On("PUT", "/repository/raw-a/d/", WriteA, () => "a directory path: refused after authorization"), On("PUT", "/repository/raw-b/d/", ChangeB, () => "x"),
        ],
        ["DELETE /repository/{repository}/{**path}"] =
            [On("DELETE", ModuleA + "/v9.9.9", DeleteA), On("DELETE", ModuleB + "/v9.9.9", ChangeB), On("DELETE", "/repository/raw-a/none.txt", DeleteA), On("DELETE", "/repository/raw-b/none.txt", ChangeB)],

        ["GET /api/v1/repositories"] = [On("GET", "/api/v1/repositories", Open)],
        ["GET /api/v1/bundles/key"] = [On("GET", "/api/v1/bundles/key", Open)], // a public key
        ["POST /api/v1/repositories"] = [On("POST", "/api/v1/repositories", GlobalPrivilege, () => new { name = Unique("m"), format = "go", type = "hosted" })],
        ["GET /api/v1/repositories/{name}"] = [On("GET", "/api/v1/repositories/team-a", ReadA), On("GET", "/api/v1/repositories/team-b", ReadB)],
        ["PUT /api/v1/repositories/{name}"] = [On("PUT", "/api/v1/repositories/team-c", GlobalPrivilege, () => new { online = true })],
        ["DELETE /api/v1/repositories/{name}"] = [On("DELETE", "/api/v1/repositories/doomed", GlobalPrivilege)],
        ["GET /api/v1/repositories/{name}/modules"] = [On("GET", "/api/v1/repositories/team-a/modules", ReadA), On("GET", "/api/v1/repositories/team-b/modules", ReadB)],
        ["GET /api/v1/repositories/{name}/modules/{**path}"] = [On("GET", "/api/v1/repositories/team-a/modules/example.com/matrix/mod", ReadA)],
        ["GET /api/v1/repositories/{name}/versions"] = [On("GET", "/api/v1/repositories/team-a/versions", ReadA)],
        ["GET /api/v1/repositories/{name}/versions/{**path}"] = [On("GET", "/api/v1/repositories/team-a/versions/example.com/matrix/mod@v1.0.0", ReadA), On("GET", "/api/v1/repositories/team-b/versions/example.com/matrix/mod@v1.0.0", ReadB)],
        ["GET /api/v1/repositories/{name}/files"] = [On("GET", "/api/v1/repositories/team-a/files", ReadA)],
        ["GET /api/v1/repositories/{name}/files/{**path}"] = [On("GET", "/api/v1/repositories/team-a/files/example.com/matrix/mod@v1.0.0/go.mod", ReadA), On("GET", "/api/v1/repositories/team-b/files/example.com/matrix/mod@v1.0.0/go.mod", ReadB)],
        ["POST /api/v1/repositories/{name}/upload"] =
        [
            On("POST", "/api/v1/repositories/team-a/upload", WriteA, () => "not a zip"), On("POST", "/api/v1/repositories/team-b/upload", ChangeB, () => "not a zip"),
            On("POST", "/api/v1/repositories/raw-a/upload?path=d/", WriteA, () => "x"), On("POST", "/api/v1/repositories/raw-b/upload?path=d/", ChangeB, () => "x"),
        ],
        ["GET /api/v1/repositories/{name}/tree"] = [On("GET", "/api/v1/repositories/raw-a/tree", ReadA), On("GET", "/api/v1/repositories/raw-b/tree", ReadB)],
        ["GET /api/v1/repositories/{name}/tree/{**path}"] = [On("GET", "/api/v1/repositories/raw-a/tree/d/", ReadA), On("GET", "/api/v1/repositories/raw-b/tree/d/", ReadB)],

        ["GET /api/v1/security/users"] = [On("GET", "/api/v1/security/users", GlobalPrivilege)],
        ["POST /api/v1/security/users"] = [On("POST", "/api/v1/security/users", GlobalPrivilege, () => new { userName = Unique("u"), roles = Array.Empty<string>() })],
        ["GET /api/v1/security/users/{userName}"] = [On("GET", "/api/v1/security/users/victim", GlobalPrivilege)],
        ["PUT /api/v1/security/users/{userName}"] = [On("PUT", "/api/v1/security/users/victim", GlobalPrivilege, () => new { displayName = "changed" })],
        ["DELETE /api/v1/security/users/{userName}"] = [On("DELETE", "/api/v1/security/users/victim", GlobalPrivilege)],

        ["GET /api/v1/security/roles"] = [On("GET", "/api/v1/security/roles", GlobalPrivilege)],
        ["POST /api/v1/security/roles"] = [On("POST", "/api/v1/security/roles", GlobalPrivilege, () => new { name = Unique("r"), privileges = Array.Empty<string>() })],
        ["GET /api/v1/security/roles/{name}"] = [On("GET", "/api/v1/security/roles/victim-role", GlobalPrivilege)],
        ["PUT /api/v1/security/roles/{name}"] = [On("PUT", "/api/v1/security/roles/victim-role", GlobalPrivilege, () => new { description = "changed" })],
        ["DELETE /api/v1/security/roles/{name}"] = [On("DELETE", "/api/v1/security/roles/victim-role", GlobalPrivilege)],

        ["GET /api/v1/security/tokens"] = [On("GET", "/api/v1/security/tokens", OwnTokens), On("GET", "/api/v1/security/tokens?allUsers=true", GlobalPrivilege)],
        ["POST /api/v1/security/tokens"] = [On("POST", "/api/v1/security/tokens", OwnTokens, () => new { name = "matrix" })],
        ["DELETE /api/v1/security/tokens/{id:long}"] = [new(f => Request("DELETE", $"/api/v1/security/tokens/{f.DoomedTokenId}", null), OwnTokens)],

        ["GET /api/v1/me"] = [On("GET", "/api/v1/me", SignedIn)],
        ["GET /api/v1/security/settings"] = [On("GET", "/api/v1/security/settings", GlobalPrivilege)],
        ["PUT /api/v1/security/settings"] = [On("PUT", "/api/v1/security/settings", GlobalPrivilege, () => new { anonymousAccess = true })],
        ["GET /api/v1/audit"] = [On("GET", "/api/v1/audit", GlobalPrivilege)],
        ["POST /api/v1/maintenance/blob-gc"] = [On("POST", "/api/v1/maintenance/blob-gc", GlobalPrivilege)],
    };

    [Fact]
    public void Every_endpoint_has_a_rule()
    {
        var mapped = fixture.MappedEndpoints();
        var missing = mapped.Where(e => !Rules.ContainsKey(e)).ToList();
        var stale = Rules.Keys.Where(k => !mapped.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "Endpoints without an authorization rule in AuthorizationMatrixTests.Rules:\n  " + string.Join("\n  ", missing));
        Assert.True(stale.Count == 0, "Rules for endpoints the app no longer maps:\n  " + string.Join("\n  ", stale));
    }

    [Fact]
    public void Every_endpoint_names_a_policy_or_allows_anonymous_callers_explicitly()
    {
        _ = fixture.Factory.Server;
        var unguarded = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null))
            .Select(e => e.DisplayName)
            .ToList();

        Assert.True(unguarded.Count == 0, "Endpoints that name no policy (the fallback, signed-in only, guards them):\n  " + string.Join("\n  ", unguarded));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_kind_of_caller_as_its_rule_says()
    {
        await fixture.InitializeOnceAsync();
        var mismatches = new List<string>();
        foreach (var endpoint in fixture.MappedEndpoints().Where(Rules.ContainsKey))
        {
            foreach (var rule in Rules[endpoint])
            {
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    using var request = rule.Request(fixture);
                    using var response = await fixture.Clients[caller].SendAsync(request);
                    var outcome = response.StatusCode switch
                    {
                        HttpStatusCode.Unauthorized => Outcome.Unauthorized,
                        HttpStatusCode.Forbidden => Outcome.Forbidden,
                        _ => Outcome.Allowed,
                    };
                    if (outcome != rule.Expect.For(caller))
                    {
                        mismatches.Add($"{request.Method} {request.RequestUri} as {caller}: expected {rule.Expect.For(caller)}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} answer(s) differ from the rules:\n  " + string.Join("\n  ", mismatches));
    }

    /// <summary>
    /// A server with team-a (hosted, anonymousRead off), team-b (hosted, defaults), team-c and doomed (hosted), raw-a and
    /// raw-b (raw hosted, as team-a and team-b, on the same roles), a reader
    /// and a publisher of team-a, tokens of admin (revoked, expired, narrowed to team-b), and things to change or delete.
    /// </summary>
    public sealed class Fixture : IDisposable
    {
        public const string Password = "matrix password 1234";

        private readonly SemaphoreSlim once = new(1, 1);
        private bool initialized;

        public ArtifactHubFactory Factory { get; } = new();

        public Dictionary<Caller, HttpClient> Clients { get; } = [];

        public long DoomedTokenId { get; private set; }

        /// <summary>"METHOD /pattern" for every route endpoint the app maps (patterns without a trailing slash; no method: GET).</summary>
        public SortedSet<string> MappedEndpoints()
        {
            _ = Factory.Server; // builds the app
            var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
            var keys = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var endpoint in endpoints)
            {
                var pattern = endpoint.RoutePattern.RawText ?? "";
                pattern = "/" + pattern.Trim('/');
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                foreach (var method in methods)
                {
                    keys.Add($"{method} {pattern}");
                }
            }

            return keys;
        }

        public async Task InitializeOnceAsync()
        {
            await once.WaitAsync();
            try
            {
                if (!initialized)
                {
                    await InitializeAsync();
                    initialized = true;
                }
            }
            finally
            {
                once.Release();
            }
        }

        private async Task InitializeAsync()
        {
            var admin = Factory.CreateAdminClient();
            foreach (var repository in new object[]
            {
                new { name = "team-a", format = "go", type = "hosted", anonymousRead = false },
                new { name = "team-b", format = "go", type = "hosted" },
                new { name = "team-c", format = "go", type = "hosted" },
                new { name = "doomed", format = "go", type = "hosted" },
                new { name = "raw-a", format = "raw", type = "hosted", anonymousRead = false },
                new { name = "raw-b", format = "raw", type = "hosted" },
            })
            {
                (await admin.PostAsJsonAsync("/api/v1/repositories", repository)).EnsureSuccessStatusCode();
            }

            // raw-a and raw-b stand beside team-a and team-b: the same rights on a repository of the other format.
            await SecurityTestData.CreateRoleAsync(Factory, "team-a-readers", "repository:team-a:read", "repository:raw-a:read");
            await SecurityTestData.CreateRoleAsync(Factory, "team-a-publishers", "repository:team-a:read", "repository:team-a:write", "repository:raw-a:read", "repository:raw-a:write");
            await SecurityTestData.CreateRoleAsync(Factory, "victim-role");
            await SecurityTestData.CreateUserAsync(Factory, "reader-a", Password, "team-a-readers");
            await SecurityTestData.CreateUserAsync(Factory, "publisher-a", Password, "team-a-publishers");
            await SecurityTestData.CreateUserAsync(Factory, "victim", null);
            await SecurityTestData.CreateUserAsync(Factory, "robot", null);
            var doomed = await SecurityTestData.CreateTokenAsync(Factory, "robot");
            DoomedTokenId = (await SecurityTestData.TokenAsync(Factory, doomed)).Id;

            Clients[Caller.Anonymous] = Factory.CreateClient();
            Clients[Caller.ReaderOfA] = Factory.CreateBasicClient("reader-a", Password);
            Clients[Caller.PublisherOfA] = Factory.CreateBasicClient("publisher-a", Password);
            Clients[Caller.Admin] = admin;
            Clients[Caller.RevokedToken] = Factory.CreateBearerClient(await SecurityTestData.CreateTokenAsync(Factory, "admin", revoked: true));
            Clients[Caller.ExpiredToken] = Factory.CreateBearerClient(await SecurityTestData.CreateTokenAsync(Factory, "admin", expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1)));
            Clients[Caller.TokenNarrowedToB] = Factory.CreateBearerClient(await SecurityTestData.CreateTokenAsync(Factory, "admin", ["repository:team-b:admin", "repository:raw-b:admin"]));
        }

        public void Dispose() => Factory.Dispose();
    }
}
