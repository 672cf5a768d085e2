using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.Core.Security;
using ArtifactHub.Server.Auth.Authentication;
using static ArtifactHub.Server.Tests.SecurityTestData;

namespace ArtifactHub.Server.Tests.Security;

/// <summary>Browser sessions: sign in for a cookie, changes need the antiforgery token, sign out.</summary>
public sealed class SessionTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private const string ManagedUrl = "/api/v1/repositories";

    /// <summary>Needs a signed-in caller.</summary>
    private const string MeUrl = "/api/v1/me";

    [Fact]
    public async Task Signing_in_sets_an_http_only_same_site_strict_cookie_that_works_until_sign_out()
    {
        var browser = factory.CreateClient(); // keeps cookies, as a browser does

        using var signedIn = await browser.PostAsJsonAsync("/api/v1/session", new { userName = "admin", password = ArtifactHubFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var session = await signedIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("admin", session.GetProperty("userName").GetString());
        Assert.Equal("admin", session.GetProperty("roles").EnumerateArray().Single().GetString());
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ArtifactHub.Session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here; over HTTPS it is Secure

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(ManagedUrl)).StatusCode);
        Assert.Equal("admin", (await browser.GetFromJsonAsync<JsonElement>(MeUrl)).GetProperty("userName").GetString());

        using var signedOut = await SendAsync(browser, HttpMethod.Delete, "/api/v1/session", await AntiforgeryTokenAsync(browser));
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(MeUrl)).StatusCode);
        Assert.Contains(await AuditEntriesAsync(factory), e => e is { Action: "auth.sign-in", Succeeded: true, Actor: "admin", Details: "session" });
        Assert.Contains(await AuditEntriesAsync(factory), e => e is { Action: "auth.sign-out", Succeeded: true, Actor: "admin" });
    }

    [Fact]
    public async Task A_change_made_with_the_session_cookie_needs_the_antiforgery_token()
    {
        var browser = await SignedInBrowserAsync();
        var name = NewName("csrf");

        using var withoutToken = await browser.PostAsJsonAsync(ManagedUrl, new { name, format = "go", type = "hosted" });
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Contains(SessionAntiforgeryMiddleware.HeaderName, await withoutToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{ManagedUrl}/{name}")).StatusCode);

        using var wrongToken = await SendAsync(browser, HttpMethod.Post, ManagedUrl, "not-the-token", new { name, format = "go", type = "hosted" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongToken.StatusCode);

        var antiforgery = await browser.GetFromJsonAsync<JsonElement>("/api/v1/session/antiforgery");
        Assert.Equal("X-XSRF-TOKEN", antiforgery.GetProperty("headerName").GetString());
        using var withToken = await SendAsync(browser, HttpMethod.Post, ManagedUrl, antiforgery.GetProperty("token").GetString()!, new { name, format = "go", type = "hosted" });
        Assert.Equal(HttpStatusCode.Created, withToken.StatusCode);

        // Signing in again needs no token (there may be no session to take it from): it is exempt.
        using var again = await browser.PostAsJsonAsync("/api/v1/session", new { userName = "admin", password = ArtifactHubFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // Basic and Bearer are not sent by a browser on its own: no antiforgery token needed.
        using var byBasic = await factory.CreateAdminClient().PostAsJsonAsync(ManagedUrl, new { name = NewName("csrf"), format = "go", type = "hosted" });
        Assert.Equal(HttpStatusCode.Created, byBasic.StatusCode);
    }

    [Fact]
    public async Task A_failed_sign_in_is_a_401_that_does_not_tell_which_part_was_wrong_and_is_audited()
    {
        var browser = factory.CreateClient();

        using var wrongPassword = await browser.PostAsJsonAsync("/api/v1/session", new { userName = "admin", password = "wrong" });
        using var unknownUser = await browser.PostAsJsonAsync("/api/v1/session", new { userName = "nobody-here", password = "wrong" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Empty(wrongPassword.Headers.WwwAuthenticate); // no browser sign-in dialog
        Assert.Equal(
            (await wrongPassword.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            (await unknownUser.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.DoesNotContain(wrongPassword.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("ArtifactHub.Session=", StringComparison.Ordinal)));
        var audit = await AuditEntriesAsync(factory);
        Assert.Contains(audit, e => e is { Action: "auth.sign-in", Succeeded: false, Actor: null, Target: "admin", Details: "password (session): wrong password" });
        Assert.Contains(audit, e => e is { Action: "auth.sign-in", Succeeded: false, Target: "nobody-here", Details: "password (session): no such user" });
    }

    [Fact]
    public async Task A_session_ends_when_its_user_is_disabled_or_changes_password_and_a_service_account_cannot_open_one()
    {
        var name = NewName("ses");
        await CreateUserAsync(factory, name, "pw-" + name, Role.Admin);
        var disabled = await SignedInBrowserAsync(name, "pw-" + name);
        var changed = await SignedInBrowserAsync(name, "pw-" + name);

        await ChangeUserAsync(factory, name, u => u.PasswordHash = new Microsoft.AspNetCore.Identity.PasswordHasher<User>().HashPassword(u, "new password"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await changed.GetAsync(MeUrl)).StatusCode);

        var renewed = await SignedInBrowserAsync(name, "new password");
        await ChangeUserAsync(factory, name, u => u.Disabled = true);
        Assert.Equal(HttpStatusCode.Unauthorized, (await renewed.GetAsync(MeUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await disabled.GetAsync(MeUrl)).StatusCode);

        var service = NewName("svc");
        await CreateUserAsync(factory, service, null, Role.Admin);
        var token = await CreateTokenAsync(factory, service);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/v1/session", new { userName = service, password = token })).StatusCode);
    }

    private async Task<HttpClient> SignedInBrowserAsync(string userName = "admin", string password = ArtifactHubFactory.AdminPassword)
    {
        var browser = factory.CreateClient();
        using var signedIn = await browser.PostAsJsonAsync("/api/v1/session", new { userName, password });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        return browser;
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser) =>
        (await browser.GetFromJsonAsync<JsonElement>("/api/v1/session/antiforgery")).GetProperty("token").GetString()!;

    private static Task<HttpResponseMessage> SendAsync(HttpClient browser, HttpMethod method, string url, string antiforgeryToken, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(SessionAntiforgeryMiddleware.HeaderName, antiforgeryToken);
        return browser.SendAsync(request);
    }
}

/// <summary>Session sign-ins are rate limited per address (a fixed window of a minute).</summary>
public sealed class SessionRateLimitTests : IDisposable
{
    private readonly ArtifactHubFactory factory = new();

    [Fact]
    public async Task The_eleventh_sign_in_attempt_within_a_minute_is_a_429_with_retry_after()
    {
        var browser = factory.CreateClient();
        for (var i = 0; i < SignInRateLimitPolicy.AttemptsPerWindow; i++)
        {
            using var failed = await browser.PostAsJsonAsync("/api/v1/session", new { userName = "admin", password = "guess " + i });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var limited = await browser.PostAsJsonAsync("/api/v1/session", new { userName = "admin", password = ArtifactHubFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(SignInRateLimitPolicy.AttemptsPerWindow, (await AuditEntriesAsync(factory)).Count(e => e is { Action: "auth.sign-in", Succeeded: false }));
        // Only sign-in is limited: the API still answers.
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateAdminClient().GetAsync("/api/v1/me")).StatusCode);
    }

    public void Dispose() => factory.Dispose();
}
