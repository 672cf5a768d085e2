using System.Data.Common;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using ArtifactHub.Server.Auth.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static ArtifactHub.Server.Tests.SecurityTestData;

namespace ArtifactHub.Server.Tests.Security;

/// <summary>
/// What authenticating a request costs the database: every scheme reads the user (or the token with its user), then
/// the user's roles with their privileges in one query.
/// </summary>
public sealed class AuthenticationRoundTripTests : IDisposable
{
    private readonly ArtifactHubFactory factory = new();
    private readonly CommandCounter commands = new();
    private readonly WebApplicationFactory<Program> server;

    public AuthenticationRoundTripTests() =>
        server = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureDbContext<ArtifactHubDbContext>(o => o.AddInterceptors(commands))));

    [Fact]
    public async Task A_password_costs_two_queries()
    {
        var (principal, count) = await AuthenticateAsync(h => h.Authorization = Basic("admin", ArtifactHubFactory.AdminPassword));

        Assert.Equal("admin", principal.Identity!.Name);
        Assert.True(ArtifactHubClaims.PermissionsOf(principal).Has(Privilege.ManageSecurity));
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task A_token_costs_two_queries_once_its_last_use_is_recorded()
    {
        var name = NewName("rt");
        await CreateRoleAsync(server, name + "-r", "repository:a:read", "repository:b:write");
        await CreateUserAsync(server, name, null, name + "-r");
        var token = await CreateTokenAsync(server, name);
        await AuthenticateAsync(h => h.Authorization = "Bearer " + token); // records the token's first use

        var (principal, count) = await AuthenticateAsync(h => h.Authorization = "Bearer " + token);

        Assert.Equal(name, principal.Identity!.Name);
        Assert.Equal(["repository:a:read", "repository:b:write"], principal.FindAll(ArtifactHubClaims.Privilege).Select(c => c.Value));
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task A_session_cookie_costs_two_queries()
    {
        using var signedIn = await server.CreateClient().PostAsJsonAsync("/api/v1/session", new { userName = "admin", password = ArtifactHubFactory.AdminPassword });
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ArtifactHub.Session=", StringComparison.Ordinal)).Split(';')[0];

        var (principal, count) = await AuthenticateAsync(h => h.Cookie = cookie);

        Assert.Equal("admin", principal.Identity!.Name);
        Assert.Equal([Role.Admin], principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Equal(2, count);
    }

    private async Task<(ClaimsPrincipal Principal, int Queries)> AuthenticateAsync(Action<IHeaderDictionary> headers)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        headers(http.Request.Headers);
        using (commands.Count())
        {
            var result = await http.AuthenticateAsync();
            Assert.True(result.Succeeded, result.Failure?.Message);
            return (result.Principal, commands.Counted);
        }
    }

    private static string Basic(string userName, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}"));

    public void Dispose() => factory.Dispose(); // and the server made from it

    /// <summary>Counts the commands sent from the flow that called <see cref="Count"/> (not the server's other work).</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private readonly AsyncLocal<StrongBox?> counting = new();

        public int Counted => counting.Value?.Value ?? 0;

        public IDisposable Count()
        {
            counting.Value = new StrongBox();
            return new Stop(counting);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Add();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Add();
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Add();
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Add()
        {
            if (counting.Value is { } box)
            {
                Interlocked.Increment(ref box.Value);
            }
        }

        private sealed class StrongBox
        {
            public int Value;
        }

        private sealed class Stop(AsyncLocal<StrongBox?> counting) : IDisposable
        {
            public void Dispose() => counting.Value = null;
        }
    }
}
