using System.Diagnostics;
using System.Net;
using ArtifactHub.E2E.Infrastructure;

namespace ArtifactHub.E2E;

/// <summary>Uploads beyond the 500 MiB module zip limit, against the real server (Kestrel, the real disk).</summary>
public sealed class OversizedUploadTests(HostedGoServerFixture server) : IClassFixture<HostedGoServerFixture>
{
    private const long MiB = 1024 * 1024;
    private const string Module = "example.com/huge";
    private const string Version = "v1.0.0";

    [Fact]
    public async Task A_chunked_upload_over_500_MiB_is_refused_with_413_and_leaves_nothing_behind()
    {
        var peakBeforeKiB = server.ServerProcStatusKiB("VmHWM");
        var content = new ZeroContent(501 * MiB);
        content.Headers.ContentType = new("application/zip");

        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        string body;
        using (content)
        {
            using var response = await server.PutZipAsync(Module, Version, content);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
        }

        clock.Stop();
        Assert.True(
            status == HttpStatusCode.RequestEntityTooLarge,
            $"chunked PUT of 501 MiB to {server.VersionUri(Module, Version, ".zip")} answered {(int)status} after {clock.Elapsed.TotalSeconds:F1} s " +
            $"({content.BytesWritten / MiB} MiB sent), expected 413: {body}\n{server.ServerLogTail()}");

        // The server must stream, not buffer: its peak resident memory must not grow by anything near the upload.
        var peakAfterKiB = server.ServerProcStatusKiB("VmHWM");
        if (peakBeforeKiB is { } before && peakAfterKiB is { } after)
        {
            var growthMiB = (after - before) / 1024;
            Assert.True(growthMiB < 256, $"server peak memory grew by {growthMiB} MiB ({before / 1024} → {after / 1024} MiB) during a 501 MiB upload");
        }

        var (infoStatus, infoBody) = await server.GetAsync(server.VersionUri(Module, Version, ".info"));
        Assert.True(infoStatus == HttpStatusCode.NotFound, $"GET .info after the refused upload answered {(int)infoStatus}, expected 404: {infoBody}");

        var (listStatus, listBody) = await server.GetAsync(server.ContentUri($"{Module}/@v/list"));
        Assert.True(
            listStatus == HttpStatusCode.NotFound || (listStatus == HttpStatusCode.OK && !listBody.Contains(Version, StringComparison.Ordinal)),
            $"GET @v/list after the refused upload answered {(int)listStatus}: {listBody}");

        // The staged upload may be cleaned up just after the answer; give it a moment.
        var tmp = Path.Combine(server.DataDir, "tmp");
        var leftovers = Array.Empty<string>();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            leftovers = Directory.Exists(tmp) ? Directory.GetFileSystemEntries(tmp, "*", SearchOption.AllDirectories) : [];
            if (leftovers.Length == 0)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.True(
            leftovers.Length == 0,
            $"{tmp} still holds after 5 s: {string.Join(", ", leftovers.Select(f => $"{Path.GetFileName(f)} ({(File.Exists(f) ? new FileInfo(f).Length : 0)} bytes)"))}");
    }
}
