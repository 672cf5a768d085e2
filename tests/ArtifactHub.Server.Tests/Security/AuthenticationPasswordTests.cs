using System.Net;
using ArtifactHub.Core.Security;
using ArtifactHub.Server.Auth.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ArtifactHub.Server.Tests.SecurityTestData;

namespace ArtifactHub.Server.Tests.Security;

/// <summary>HTTP Basic with a password: users from the database, disabled accounts, what is audited and what never leaks.</summary>
public sealed class AuthenticationPasswordTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    /// <summary>Needs a signed-in caller with <c>security.manage</c> (role admin).</summary>
    private const string ManagedUrl = "/api/v1/security/users";

    [Fact]
    public async Task A_user_signs_in_with_their_password_and_the_user_name_ignores_case()
    {
        var name = NewName("pw");
        await CreateUserAsync(factory, name, "secret of " + name, Role.Admin);

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBasicClient(name, "secret of " + name).GetAsync(ManagedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBasicClient(name.ToUpperInvariant(), "secret of " + name).GetAsync(ManagedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBasicClient(name, "secret of someone else").GetAsync(ManagedUrl)).StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_is_refused_at_once_even_with_a_password_verified_a_moment_ago()
    {
        var name = NewName("off");
        await CreateUserAsync(factory, name, "pw-" + name, Role.Admin);
        var client = factory.CreateBasicClient(name, "pw-" + name);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ManagedUrl)).StatusCode);

        await ChangeUserAsync(factory, name, u => u.Disabled = true);
        using var response = await client.GetAsync(ManagedUrl);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("invalid user name or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_basic_sign_ins_are_audited_and_successful_requests_are_not()
    {
        var name = NewName("aud");
        await CreateUserAsync(factory, name, "pw-" + name, Role.Admin);

        await factory.CreateBasicClient(name, "wrong").GetAsync(ManagedUrl);
        await factory.CreateBasicClient(name, "pw-" + name).GetAsync(ManagedUrl);
        await factory.CreateBasicClient(name, "pw-" + name).GetAsync(ManagedUrl);

        var entries = (await AuditEntriesAsync(factory)).Where(e => e.Target == name).ToList();
        var failure = Assert.Single(entries);
        Assert.Equal("auth.sign-in", failure.Action);
        Assert.False(failure.Succeeded);
        Assert.Null(failure.Actor);
        Assert.Equal("password (Basic): wrong password", failure.Details);
    }

    [Fact]
    public async Task The_caller_carries_roles_privileges_and_the_scope_of_its_token()
    {
        var role = await CreateRoleAsync(factory, NewName("role"), "repository:team-*:write", Privilege.ReadAudit);
        var name = NewName("clm");
        var user = await CreateUserAsync(factory, name, "pw-" + name, role.Name);
        var unscoped = await CreateTokenAsync(factory, name);
        var scoped = await CreateTokenAsync(factory, name, ["repository:team-a:write"]);
        var empty = await CreateTokenAsync(factory, name, []);

        var byPassword = await PrincipalAsync(user, null);
        Assert.Equal(name, byPassword.Identity!.Name);
        Assert.Equal(user.Id, ArtifactHubClaims.UserIdOf(byPassword));
        Assert.True(byPassword.IsInRole(role.Name));
        Assert.True(ArtifactHubClaims.PermissionsOf(byPassword).Can("team-b", RepositoryAction.Write));
        Assert.True(ArtifactHubClaims.PermissionsOf(byPassword).Has(Privilege.ReadAudit));
        Assert.Null(ArtifactHubClaims.TokenIdOf(byPassword));

        var token = await TokenAsync(factory, unscoped);
        var byToken = await PrincipalAsync(user, token);
        Assert.Equal(token.Id, ArtifactHubClaims.TokenIdOf(byToken));
        Assert.True(ArtifactHubClaims.PermissionsOf(byToken).Can("team-b", RepositoryAction.Write));

        var narrowed = ArtifactHubClaims.PermissionsOf(await PrincipalAsync(user, await TokenAsync(factory, scoped)));
        Assert.True(narrowed.Can("team-a", RepositoryAction.Write));
        Assert.False(narrowed.Can("team-b", RepositoryAction.Write));
        Assert.False(narrowed.Has(Privilege.ReadAudit));

        var nothing = ArtifactHubClaims.PermissionsOf(await PrincipalAsync(user, await TokenAsync(factory, empty)));
        Assert.False(nothing.Can("team-a", RepositoryAction.Read));
        Assert.False(nothing.Has(Privilege.ReadAudit));
    }

    [Fact]
    public async Task Neither_a_password_nor_a_token_appears_in_the_logs_or_the_audit_log()
    {
        using var server = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddFilter<InMemoryLoggerProvider>(null, LogLevel.Trace)));
        var name = NewName("sec");
        var password = "pw-" + Guid.NewGuid().ToString("N");
        await CreateUserAsync(server, name, password, Role.Admin);
        var token = await CreateTokenAsync(server, name);
        var revoked = await CreateTokenAsync(server, name, revoked: true);
        var unknown = ApiTokenSecret.NewToken();

        foreach (var client in new[]
        {
            server.CreateBasicClient(name, password), server.CreateBasicClient(name, password + "x"), server.CreateBasicClient(name, token),
            server.CreateBasicClient("admin", token), server.CreateBearerClient(token), server.CreateBearerClient(revoked),
            server.CreateBearerClient(unknown),
        })
        {
            await client.GetAsync(ManagedUrl);
        }

        var logs = string.Join("\n", factory.Logs.Entries);
        var audit = string.Join("\n", (await AuditEntriesAsync(server)).Select(e => $"{e.Actor} {e.Target} {e.Details}"));
        Assert.Contains("Failed sign-in", logs, StringComparison.Ordinal); // the capture did see the failures
        Assert.Contains(ApiTokenSecret.PrefixOf(revoked), audit, StringComparison.Ordinal);
        foreach (var secret in new[] { password, token, revoked, unknown, token[ApiTokenSecret.PrefixLength..], revoked[ApiTokenSecret.PrefixLength..] })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, audit, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_script_in_the_browser_gets_a_401_without_a_basic_challenge_so_no_sign_in_dialog_pops_up()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");

        using var response = await client.GetAsync(ManagedUrl);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task A_change_with_browser_remembered_basic_credentials_from_another_site_is_refused()
    {
        var client = factory.CreateAdminClient();
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");

        using var response = await client.DeleteAsync("/api/v1/repositories/no-such-repository");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateAdminClient().DeleteAsync("/api/v1/repositories/no-such-repository")).StatusCode);
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(User user, ApiToken? token)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PrincipalFactory>().CreateAsync(user, "test", token, CancellationToken.None);
    }
}

/// <summary>Password guessing over HTTP Basic: past the limit, an address gets 429 until the window ends.</summary>
public sealed class AuthenticationLockoutTests : IDisposable
{
    private readonly ArtifactHubFactory factory = new();

    [Fact]
    public async Task Past_the_failed_password_limit_an_address_gets_429_with_retry_after_even_with_the_right_password()
    {
        var wrong = factory.CreateAdminClient("wrong");
        for (var i = 0; i < FailedPasswordLimiter.FailuresPerWindow; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/v1/me")).StatusCode);
        }

        using var locked = await factory.CreateAdminClient().GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var token = await CreateTokenAsync(factory, "admin");
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBearerClient(token).GetAsync("/api/v1/me")).StatusCode);
    }

    public void Dispose() => factory.Dispose();
}
