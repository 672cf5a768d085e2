using System.Net;
using ArtifactHub.E2E.Infrastructure;
using ArtifactHub.TestSupport;

namespace ArtifactHub.E2E;

/// <summary>An administrator removes a published version; Go users can no longer get it.</summary>
public sealed class DeleteVersionTests(HostedGoServerFixture server) : IClassFixture<HostedGoServerFixture>
{
    private const string Module = "example.com/Going/Away";

    [Fact]
    public async Task A_deleted_version_can_no_longer_be_downloaded_nor_listed()
    {
        foreach (var version in new[] { "v1.0.0", "v1.1.0" })
        {
            await server.UploadAsync(Module, version, ModuleZipBuilder.Simple(
                Module,
                version,
                null,
                ("away.go", $"package away\n\n// Version is the release.\nconst Version = \"{version}\"\n")));
        }

        using (var before = new GoSandbox(server, "before-delete"))
        {
            var listed = await before.RunOkAsync(before.NewDir("work"), "list", "-m", "-versions", Module);
            Assert.Equal($"{Module} v1.0.0 v1.1.0", listed.StdOut.Trim());
        }

        using (var response = await server.DeleteVersionAsync(Module, "v1.1.0"))
        {
            Assert.True(
                response.StatusCode == HttpStatusCode.NoContent,
                $"DELETE {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected 204: {await response.Content.ReadAsStringAsync()}\n{server.ServerLogTail()}");
        }

        foreach (var suffix in new[] { ".info", ".mod", ".zip" })
        {
            var (status, body) = await server.GetAsync(server.VersionUri(Module, "v1.1.0", suffix));
            Assert.True(status == HttpStatusCode.NotFound, $"GET v1.1.0{suffix} after DELETE answered {(int)status}, expected 404: {body}");
        }

        using var go = new GoSandbox(server, "after-delete");
        var work = go.NewDir("work");

        var download = await go.RunAsync(work, "mod", "download", "-json", $"{Module}@v1.1.0");
        Assert.True(download.ExitCode != 0, go.Describe($"go mod download {Module}@v1.1.0 after DELETE should fail but", download));

        var list = await go.RunOkAsync(work, "list", "-m", "-versions", Module);
        Assert.Equal($"{Module} v1.0.0", list.StdOut.Trim());

        // The version that was not deleted is unharmed.
        await go.RunOkAsync(work, "mod", "download", "-json", $"{Module}@v1.0.0");
    }
}
