using System.Net;
using ArtifactHub.Core.Security;
using static ArtifactHub.Server.Tests.SecurityTestData;

namespace ArtifactHub.Server.Tests.Security;

/// <summary>API tokens: as the password of HTTP Basic (.netrc for the go command) and as a Bearer token.</summary>
public sealed class AuthenticationTokenTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    /// <summary>Needs a signed-in caller with <c>security.manage</c> (role admin).</summary>
    private const string ManagedUrl = "/api/v1/security/users";

    [Fact]
    public async Task A_token_works_as_the_basic_password_under_its_owners_name_in_any_case_and_as_a_bearer_token()
    {
        var name = NewName("tok");
        await CreateUserAsync(factory, name, "pw-" + name, Role.Admin);
        var token = await CreateTokenAsync(factory, name);

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBasicClient(name, token).GetAsync(ManagedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBasicClient(name.ToUpperInvariant(), token).GetAsync(ManagedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBearerClient(token).GetAsync(ManagedUrl)).StatusCode);
    }

    [Fact]
    public async Task A_token_sent_under_another_users_name_is_refused()
    {
        var owner = NewName("own");
        await CreateUserAsync(factory, owner, "pw-" + owner, Role.Admin);
        var token = await CreateTokenAsync(factory, owner);

        using var response = await factory.CreateBasicClient("admin", token).GetAsync(ManagedUrl);

        await AssertTokenRefusedAsync(response, token);
        Assert.Contains(await AuditEntriesAsync(factory), e =>
            e is { Action: "auth.sign-in", Succeeded: false, Target: "admin" } && e.Details!.Contains(ApiTokenSecret.PrefixOf(token), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("expired")]
    [InlineData("unknown")]
    public async Task A_revoked_expired_or_unknown_token_is_a_401_with_a_challenge_and_a_short_text(string kind)
    {
        var name = NewName("bad");
        await CreateUserAsync(factory, name, null, Role.Admin);
        var token = kind switch
        {
            "revoked" => await CreateTokenAsync(factory, name, revoked: true),
            "expired" => await CreateTokenAsync(factory, name, expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1)),
            _ => ApiTokenSecret.NewToken(),
        };

        using var asBasic = await factory.CreateBasicClient(name, token).GetAsync(ManagedUrl);
        using var asBearer = await factory.CreateBearerClient(token).GetAsync(ManagedUrl);

        await AssertTokenRefusedAsync(asBasic, token);
        await AssertTokenRefusedAsync(asBearer, token);
        var challenges = asBearer.Headers.WwwAuthenticate.Select(h => h.ToString()).ToList();
        Assert.Contains(challenges, c => c.StartsWith("Basic realm=\"ArtifactHub\"", StringComparison.Ordinal));
        Assert.Contains(challenges, c => c.StartsWith("Bearer realm=\"ArtifactHub\"", StringComparison.Ordinal) && c.Contains("invalid_token", StringComparison.Ordinal));
        Assert.Equal(2, (await AuditEntriesAsync(factory)).Count(e => e.Action == "auth.sign-in" && !e.Succeeded && e.Details!.Contains(ApiTokenSecret.PrefixOf(token), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Revoking_a_token_or_disabling_its_user_takes_effect_on_the_next_request()
    {
        var name = NewName("rev");
        await CreateUserAsync(factory, name, "pw-" + name, Role.Admin);
        var revoked = await CreateTokenAsync(factory, name);
        var disabled = await CreateTokenAsync(factory, name);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBearerClient(revoked).GetAsync(ManagedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBasicClient(name, disabled).GetAsync(ManagedUrl)).StatusCode);

        await ChangeTokenAsync(factory, revoked, t => t.RevokedAt = DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBearerClient(revoked).GetAsync(ManagedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBasicClient(name, disabled).GetAsync(ManagedUrl)).StatusCode);

        await ChangeUserAsync(factory, name, u => u.Disabled = true);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBasicClient(name, disabled).GetAsync(ManagedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBearerClient(disabled).GetAsync(ManagedUrl)).StatusCode);
    }

    [Fact]
    public async Task A_service_account_cannot_sign_in_with_a_password_but_its_token_works()
    {
        var name = NewName("svc");
        await CreateUserAsync(factory, name, null, Role.Admin);
        var token = await CreateTokenAsync(factory, name);

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBasicClient(name, "").GetAsync(ManagedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBasicClient(name, "anything").GetAsync(ManagedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBasicClient(name, token).GetAsync(ManagedUrl)).StatusCode);
    }

    [Fact]
    public async Task Using_a_token_records_when_it_was_last_used()
    {
        var name = NewName("use");
        await CreateUserAsync(factory, name, null, Role.Admin);
        var token = await CreateTokenAsync(factory, name);
        Assert.Null((await TokenAsync(factory, token)).LastUsedAt);

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBearerClient(token).GetAsync(ManagedUrl)).StatusCode);
        var first = (await TokenAsync(factory, token)).LastUsedAt;
        Assert.NotNull(first);
        Assert.True(first >= before);

        // Within the minute, further uses do not write the row again.
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBearerClient(token).GetAsync(ManagedUrl)).StatusCode);
        Assert.Equal(first, (await TokenAsync(factory, token)).LastUsedAt);
    }

    [Fact]
    public async Task Bad_credentials_are_a_401_even_where_anonymous_callers_may_read()
    {
        var anonymousUrl = GoClient.Url("example.com/auth/tokens", "@v/list");
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(anonymousUrl)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBearerClient(ApiTokenSecret.NewToken()).GetAsync(anonymousUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBasicClient("admin", "wrong").GetAsync(anonymousUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBearerClient("not-a-token").GetAsync(anonymousUrl)).StatusCode);
    }

    private static async Task AssertTokenRefusedAsync(HttpResponseMessage response, string token)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic" && h.Parameter!.Contains("realm=\"ArtifactHub\"", StringComparison.Ordinal));
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("invalid, expired or revoked", body, StringComparison.Ordinal);
        Assert.DoesNotContain(token, body, StringComparison.Ordinal);
        Assert.DoesNotContain(token[3..], body, StringComparison.Ordinal);
    }
}
