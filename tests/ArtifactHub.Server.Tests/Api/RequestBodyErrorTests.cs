using System.Net;
using System.Text.Json;
using ArtifactHub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Tests.Api;

/// <summary>
/// A request body the server cannot read (Kestrel refuses its chunk framing, or it breaks off) is the client's error: a
/// 400 that says so (plain text on the go command's content URL, problem details on the API), and nothing left behind.
/// A failure on the server's side while it stages the body stays a 500.
/// </summary>
public sealed class RequestBodyErrorTests(KestrelArtifactHub hub) : IClassFixture<KestrelArtifactHub>
{
    private const string Module = "example.com/chunked/mod";

    private ArtifactHubFactory Factory => hub.Factory;

    /// <summary>Chunk-size lines past what Kestrel parses (it computes the size in an int and refuses what overflows).</summary>
    public static TheoryData<string> OverflowingChunkSizes() =>
        ["80000000", "ffffffff", "fffffffffffffffff", "10000000000000000000000000000000000000000"];

    [Theory]
    [MemberData(nameof(OverflowingChunkSizes))]
    public async Task A_chunk_size_that_overflows_is_a_short_plain_text_400_on_the_content_URL_and_nothing_is_kept(string chunkSize)
    {
        var repository = await HostedAsync();
        var blobsBefore = Factory.Blobs().Length;

        var answer = await RawHttp.SendAsync(
            hub.Address,
            $"PUT /repository/{repository}/{Module}/@v/v1.0.0.zip HTTP/1.1\r\nHost: localhost\r\nAuthorization: {RawHttp.AdminAuthorization}\r\nTransfer-Encoding: chunked",
            RawHttp.Chunks("4\r\nPK\u0003\u0004\r\n", $"{chunkSize}\r\n", "more bytes"));

        Assert.NotNull(answer);
        Assert.True(answer.Status == 400, $"{answer.Status} {answer.ContentType}: {answer.Body}");
        Assert.Equal("text/plain", answer.ContentType);
        Assert.Contains("chunk", answer.Body, StringComparison.OrdinalIgnoreCase);
        Assert.True(answer.Body.Length < 200 && answer.Body.TrimEnd('\n').IndexOf('\n') < 0, answer.Body); // one short line for the go command
        await AssertNothingKeptAsync(repository, blobsBefore);
    }

    [Theory]
    [MemberData(nameof(OverflowingChunkSizes))]
    public async Task A_chunk_size_that_overflows_is_a_400_problem_on_the_upload_API_and_nothing_is_kept(string chunkSize)
    {
        var repository = await HostedAsync();
        var blobsBefore = Factory.Blobs().Length;

        var answer = await RawHttp.SendAsync(
            hub.Address,
            $"POST /api/v1/repositories/{repository}/upload HTTP/1.1\r\nHost: localhost\r\nAuthorization: {RawHttp.AdminAuthorization}\r\nContent-Type: application/zip\r\nTransfer-Encoding: chunked",
            RawHttp.Chunks("4\r\nPK\u0003\u0004\r\n", $"{chunkSize}\r\n", "more bytes"));

        Assert.NotNull(answer);
        Assert.True(answer.Status == 400, $"{answer.Status} {answer.ContentType}: {answer.Body}");
        Assert.Equal("application/problem+json", answer.ContentType);
        var problem = JsonDocument.Parse(answer.Body).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("chunk", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await AssertNothingKeptAsync(repository, blobsBefore);
    }

    [Fact]
    public async Task An_upload_that_breaks_off_leaves_nothing_behind_and_is_not_logged_as_a_server_error()
    {
        var repository = await HostedAsync();
        var blobsBefore = Factory.Blobs().Length;
        var zip = ModuleZipBuilder.Simple(Module, "v1.0.0", null, ("big.go", new string('x', 200_000)));
        var logsBefore = Factory.Logs.Entries.Count;

        // Half of the promised bytes, then the client goes: the server cannot answer, only clean up.
        await RawHttp.SendAsync(
            hub.Address,
            $"PUT /repository/{repository}/{Module}/@v/v1.0.0.zip HTTP/1.1\r\nHost: localhost\r\nAuthorization: {RawHttp.AdminAuthorization}\r\nContent-Length: {zip.Length}",
            zip[..(zip.Length / 2)],
            closeAfterBody: true);

        await AssertNothingKeptAsync(repository, blobsBefore);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the request's end, after its staged file went
        Assert.DoesNotContain(Factory.Logs.Entries.Skip(logsBefore), e => e.StartsWith("Error", StringComparison.Ordinal));
    }

    /// <summary>
    /// Only failures to read the client's body are the client's: the staging folder made unusable (a file where the
    /// folder belongs, as near to a full disk as a test gets portably) is the server's fault, and says so.
    /// </summary>
    [Fact]
    public async Task A_failure_to_stage_a_readable_body_is_still_a_500()
    {
        using var factory = new ArtifactHubFactory();
        var admin = factory.CreateAdminClient();
        var repository = await admin.CreateRepositoryAsync(new { name = NewName(), format = "go", type = "hosted" });
        if (Directory.Exists(factory.StagingDir))
        {
            Directory.Delete(factory.StagingDir, recursive: true);
        }

        await File.WriteAllTextAsync(factory.StagingDir, "not a folder");

        using var response = await admin.UploadAsync(Module, "v1.0.0", ModuleZipBuilder.Simple(Module, "v1.0.0"), repository);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Components.CountAsync(c => c.Name == Module)));
    }

    private async Task AssertNothingKeptAsync(string repository, int blobsBefore)
    {
        // The server may still be cleaning up after a client that went away: give it a moment, not a race.
        for (var i = 0; i < 100 && Factory.StagedFiles().Length > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(Factory.StagedFiles());
        Assert.Equal(blobsBefore, Factory.Blobs().Length);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Components.CountAsync(c => c.Repository!.Name == repository)));
    }

    private Task<string> HostedAsync() =>
        Factory.CreateAdminClient().CreateRepositoryAsync(new { name = NewName(), format = "go", type = "hosted" });

    private static string NewName() => "body-" + Guid.NewGuid().ToString("N")[..8];
}
