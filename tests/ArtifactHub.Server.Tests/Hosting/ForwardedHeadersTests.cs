using System.Net;
using System.Text;
using ArtifactHub.Server.Auth.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Tests.Hosting;

/// <summary>
/// Behind nginx every request comes from the proxy's address: the audit log and the sign-in limits must see the
/// client's, from X-Forwarded-For, but only when the request came from a proxy the settings trust.
/// </summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private const string Client = "203.0.113.7";
    private readonly ArtifactHubFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Behind_a_trusted_proxy_the_audit_log_records_the_clients_address()
    {
        using var server = factory.WithWebHostBuilder(b => b.UseSetting("ArtifactHub:ForwardedHeaders:KnownProxies:0", "10.1.2.3"));

        await FailedSignInAsync(server, from: IPAddress.Parse("10.1.2.3"), forwardedFor: Client, user: "mallory");

        Assert.Equal(Client, await RecordedAddressAsync(server, "mallory"));
    }

    [Fact]
    public async Task A_proxy_in_a_trusted_network_counts_too()
    {
        using var server = factory.WithWebHostBuilder(b => b.UseSetting("ArtifactHub:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8"));

        await FailedSignInAsync(server, from: IPAddress.Parse("10.200.0.9"), forwardedFor: Client, user: "mallory");

        Assert.Equal(Client, await RecordedAddressAsync(server, "mallory"));
    }

    [Fact]
    public async Task Without_trusted_proxies_a_forged_header_is_ignored()
    {
        await FailedSignInAsync(factory, from: IPAddress.Parse("10.1.2.3"), forwardedFor: Client, user: "mallory");

        Assert.Equal("10.1.2.3", await RecordedAddressAsync(factory, "mallory"));
    }

    [Fact]
    public async Task A_caller_that_is_not_a_trusted_proxy_cannot_forge_its_address()
    {
        using var server = factory.WithWebHostBuilder(b => b.UseSetting("ArtifactHub:ForwardedHeaders:KnownProxies:0", "10.1.2.3"));

        await FailedSignInAsync(server, from: IPAddress.Parse("198.51.100.20"), forwardedFor: Client, user: "mallory");

        Assert.Equal("198.51.100.20", await RecordedAddressAsync(server, "mallory"));
    }

    [Theory]
    [InlineData("KnownProxies:0", "not-an-address", "not an IP address")]
    [InlineData("KnownNetworks:0", "10.0.0.0", "CIDR")]
    [InlineData("ForwardLimit", "0", "ForwardLimit")]
    public void A_wrong_setting_stops_the_server_with_a_message_naming_it(string key, string value, string expected)
    {
        using var server = factory.WithWebHostBuilder(b => b.UseSetting("ArtifactHub:ForwardedHeaders:" + key, value));

        var error = Assert.ThrowsAny<Exception>(() => server.CreateClient());

        Assert.Contains(expected, error.ToString());
    }

    private static Task FailedSignInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> server, IPAddress from, string forwardedFor, string user) =>
        server.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = "/api/v1/me";
            context.Connection.RemoteIpAddress = from;
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            context.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:wrong password"));
        });

    private static Task<string?> RecordedAddressAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> server, string user) =>
        server.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == SignInAudit.SignIn && e.Target == user && !e.Succeeded)
            .Select(e => e.RemoteAddress)
            .SingleAsync());
}
