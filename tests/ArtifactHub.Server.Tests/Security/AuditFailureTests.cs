using System.Net;
using System.Net.Http.Json;
using ArtifactHub.Core.Security;
using ArtifactHub.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ArtifactHub.Server.Tests.SecurityTestData;

namespace ArtifactHub.Server.Tests.Security;

/// <summary>An audit log that cannot be written to: answers already given, and sign-ins, do not fail with it.</summary>
public sealed class AuditFailureTests : IDisposable
{
    private readonly ArtifactHubFactory factory = new();
    private readonly WebApplicationFactory<Program> server;

    public AuditFailureTests() =>
        server = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IAuditLog, FailingAuditLog>()));

    [Fact]
    public async Task An_upload_and_a_delete_keep_their_answers_and_the_failed_audit_writes_are_logged()
    {
        const string module = "example.com/audit-failure/upload";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0");
        var admin = server.CreateBasicClient("admin", ArtifactHubFactory.AdminPassword);

        using var uploaded = await admin.UploadAsync(module, "v1.0.0", zip);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal(zip, await admin.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip")));

        using var deleted = await admin.DeleteAsync(GoClient.Url(module, "@v/v1.0.0"));
        Assert.True(deleted.IsSuccessStatusCode, $"{(int)deleted.StatusCode}");

        var logs = string.Join("\n", factory.Logs.Entries);
        Assert.Contains("Could not write the audit entry content.upload for go-hosted/", logs, StringComparison.Ordinal);
        Assert.Contains("Could not write the audit entry content.delete for go-hosted/", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_sign_in_succeeds_and_the_failed_audit_write_is_logged()
    {
        using var signedIn = await server.CreateClient().PostAsJsonAsync("/api/v1/session", new { userName = "admin", password = ArtifactHubFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains(factory.Logs.Entries, e => e.Contains("Could not write the audit entry auth.sign-in for admin", StringComparison.Ordinal));
    }

    public void Dispose() => factory.Dispose(); // and the server made from it

    private sealed class FailingAuditLog : IAuditLog
    {
        public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default) => throw new InvalidOperationException("the audit log is down");
    }
}

/// <summary>Who a sign-in entry names as its actor.</summary>
public sealed class SignInAuditActorTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    [Fact]
    public async Task A_failed_session_sign_in_names_no_actor_even_from_a_browser_signed_in_as_someone_else()
    {
        var browser = factory.CreateClient();
        using var signedIn = await browser.PostAsJsonAsync("/api/v1/session", new { userName = "admin", password = ArtifactHubFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var attempted = NewName("nobody");

        using var failed = await browser.PostAsJsonAsync("/api/v1/session", new { userName = attempted, password = "wrong" });

        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        var entry = Assert.Single(await AuditEntriesAsync(factory), e => e.Target == attempted);
        Assert.Equal(("auth.sign-in", false, null), (entry.Action, entry.Succeeded, entry.Actor));
    }
}
