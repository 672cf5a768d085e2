using System.Diagnostics;
using System.Security.Cryptography;
using ArtifactHub.E2E.Infrastructure;
using ArtifactHub.TestSupport;
using Xunit.Abstractions;

namespace ArtifactHub.E2E;

/// <summary>Raw repositories driven by the clients people use with them: curl with an API token, and wget resuming a big download.</summary>
public sealed class RawClientsTests(HostedGoServerFixture server, ITestOutputHelper output) : IClassFixture<HostedGoServerFixture>
{
    private const long MiB = 1024 * 1024;
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Curl_T_uploads_with_an_API_token_curl_O_downloads_the_same_bytes_and_other_bytes_get_409()
    {
        await server.CreateRepositoryAsync("files", new { name = "files", format = "raw", type = "hosted", anonymousRead = false }, "raw hosted files");
        var token = await server.CreateAdminTokenAsync("curl");
        using var work = new TempDir("raw-curl");
        var netrc = Path.Combine(work.Path, "netrc");
        await File.WriteAllTextAsync(netrc, $"machine 127.0.0.1 login admin password {token}\n");
        var upload = Path.Combine(work.Path, "acme-1.4.0.tar.gz");
        await File.WriteAllBytesAsync(upload, RandomNumberGenerator.GetBytes(3 * (int)MiB + 17));
        var url = $"{server.ProxyUrl("files")}/tools/acme/1.4.0/acme-1.4.0.tar.gz";

        // curl -T: a PUT of the file, the token as the password (from a .netrc).
        var (status, body) = await CurlStatusAsync(work.Path, "--netrc-file", netrc, "-T", upload, url);
        Assert.True(status == "201", $"curl -T {url} answered {status}, expected 201: {body}\n{server.ServerLogTail()}");
        Assert.Contains(await RawRepositories.Sha256Async(upload), body, StringComparison.Ordinal);
        Assert.Contains("\"contentType\":\"application/gzip\"", body, StringComparison.Ordinal);

        // The repository is closed to anonymous callers: without the token, a 401.
        (status, body) = await CurlStatusAsync(work.Path, url);
        Assert.True(status == "401", $"anonymous curl {url} answered {status}, expected 401: {body}");

        // curl -O with the token as a bearer: the file under its own name, byte for byte.
        var downloads = Path.Combine(work.Path, "downloads");
        Directory.CreateDirectory(downloads);
        var get = await RawRepositories.RunAsync("curl", downloads, ClientTimeout, null,
            "-sS", "-f", "-O", "-D", "headers.txt", "-H", $"Authorization: Bearer {token}", url);
        Assert.True(get.ExitCode == 0, RawRepositories.Describe(get));
        var downloaded = Path.Combine(downloads, "acme-1.4.0.tar.gz");
        Assert.True(File.Exists(downloaded), $"curl -O left no acme-1.4.0.tar.gz in {downloads}: {string.Join(", ", Directory.GetFiles(downloads))}");
        Assert.Equal(await File.ReadAllBytesAsync(upload), await File.ReadAllBytesAsync(downloaded));

        // What a curl -O user sees in the headers.
        var headers = Headers(await File.ReadAllTextAsync(Path.Combine(downloads, "headers.txt")));
        output.WriteLine($"curl -O {url} headers:\n{string.Join('\n', headers.Select(h => $"  {h.Key}: {h.Value}"))}");
        Assert.Equal("application/gzip", headers.GetValueOrDefault("content-type"));
        Assert.Equal($"\"{await RawRepositories.Sha256Async(upload)}\"", headers.GetValueOrDefault("etag"));
        Assert.Equal((3 * MiB + 17).ToString(System.Globalization.CultureInfo.InvariantCulture), headers.GetValueOrDefault("content-length"));
        Assert.Equal("no-cache", headers.GetValueOrDefault("cache-control"));
        Assert.True(headers.ContainsKey("last-modified"), "no Last-Modified");
        Assert.Equal("bytes", headers.GetValueOrDefault("accept-ranges"));

        // The same bytes again are fine (200); other bytes to the same path are refused (409), and the file stays.
        (status, body) = await CurlStatusAsync(work.Path, "--netrc-file", netrc, "-T", upload, url);
        Assert.True(status == "200", $"curl -T of the same bytes answered {status}, expected 200: {body}");
        var other = Path.Combine(work.Path, "other.tar.gz");
        await File.WriteAllBytesAsync(other, RandomNumberGenerator.GetBytes(1000));
        (status, body) = await CurlStatusAsync(work.Path, "--netrc-file", netrc, "-T", other, url);
        Assert.True(status == "409", $"curl -T of other bytes answered {status}, expected 409: {body}");
        Assert.Contains("already exists", body, StringComparison.Ordinal);

        var again = await RawRepositories.RunAsync("curl", downloads, ClientTimeout, null, "-sS", "-f", "-o", "again", "-H", $"Authorization: Bearer {token}", url);
        Assert.True(again.ExitCode == 0, RawRepositories.Describe(again));
        Assert.Equal(await RawRepositories.Sha256Async(upload), await RawRepositories.Sha256Async(Path.Combine(downloads, "again")));
    }

    [Fact]
    public async Task Wget_c_resumes_a_300_MiB_download_through_a_raw_proxy_with_a_range_request_answered_206()
    {
        const long size = 300 * MiB;
        const long partial = 100 * MiB;
        using var upstreamTree = new TempDir("raw-big-upstream");
        using var downloads = new TempDir("raw-big-download");
        Directory.CreateDirectory(Path.Combine(upstreamTree.Path, "releases"));
        var expectedSha256 = await WriteRandomFileAsync(Path.Combine(upstreamTree.Path, "releases", "big.bin"), size);
        await using var files = await StaticFileServer.StartAsync(upstreamTree.Path);
        var url = $"{await server.CreateRawProxyAsync("big", files.BaseUrl)}/releases/big.bin";
        var peakBeforeKiB = server.ServerProcStatusKiB("VmHWM");

        // The first 100 MiB: ArtifactHub fetches the whole file from upstream, keeps it, and answers the range.
        var clock = Stopwatch.StartNew();
        var first = await RawRepositories.RunAsync("curl", downloads.Path, ClientTimeout, null,
            "-sS", "-r", $"0-{partial - 1}", "-o", "big.bin", "-w", "%{http_code}", url);
        var firstTime = clock.Elapsed;
        Assert.True(first.ExitCode == 0, RawRepositories.Describe(first) + $"\n{server.ServerLogTail()}\n--- upstream ---\n{files.Log}");
        Assert.True(
            first.StdOut.Trim() == "206",
            $"curl -r 0-{partial - 1} {url} answered {first.StdOut.Trim()}, expected 206 (without Range support, as before the blob-ranges branch, the whole file comes back with 200)");
        Assert.Equal(partial, new FileInfo(Path.Combine(downloads.Path, "big.bin")).Length);
        var peakAfterFetchKiB = server.ServerProcStatusKiB("VmHWM");

        // wget -c asks for the rest (Range: bytes=104857600-) and appends it.
        clock.Restart();
        var rest = await RawRepositories.RunAsync("wget", downloads.Path, ClientTimeout, null, "-c", "-S", "--progress=dot:giga", url);
        var restTime = clock.Elapsed;
        Assert.True(rest.ExitCode == 0, RawRepositories.Describe(rest) + $"\n{server.ServerLogTail()}");
        Assert.Contains("HTTP/1.1 206 Partial Content", rest.StdErr, StringComparison.Ordinal);
        Assert.Contains($"Content-Range: bytes {partial}-{size - 1}/{size}", rest.StdErr, StringComparison.Ordinal);
        Assert.Contains($"Content-Length: {size - partial}", rest.StdErr, StringComparison.Ordinal);
        var downloaded = Path.Combine(downloads.Path, "big.bin");
        Assert.Equal(size, new FileInfo(downloaded).Length);
        Assert.Equal(expectedSha256, await RawRepositories.Sha256Async(downloaded));

        // The upstream was asked once: the second request came from ArtifactHub's copy.
        Assert.True(files.Requests("/releases/big.bin") == 1, $"upstream log:\n{files.Log}");

        var peakAfterKiB = server.ServerProcStatusKiB("VmHWM");
        output.WriteLine($"curl -r 0-{partial - 1} (upstream fetch of {size / MiB} MiB, kept, then 100 MiB sent): {firstTime.TotalSeconds:F1} s; " +
            $"wget -c of the remaining {(size - partial) / MiB} MiB: {restTime.TotalSeconds:F1} s");
        output.WriteLine($"server VmHWM (peak resident): before {peakBeforeKiB / 1024} MiB, after the fetch {peakAfterFetchKiB / 1024} MiB, after wget {peakAfterKiB / 1024} MiB");
        if (peakBeforeKiB is { } before && peakAfterKiB is { } after)
        {
            var growthMiB = (after - before) / 1024;
            Assert.True(growthMiB < 256, $"server peak memory grew by {growthMiB} MiB ({before / 1024} → {after / 1024} MiB) while proxying a {size / MiB} MiB file");
        }
    }

    [Fact]
    public async Task A_tar_gz_the_upstream_sends_with_Content_Encoding_gzip_comes_through_a_raw_proxy_as_curl_gets_it()
    {
        // The upstream labels .gz files "Content-Encoding: gzip": curl and wget keep the bytes as sent (the .tar.gz).
        using var tree = new TempDir("raw-gz-upstream");
        using var work = new TempDir("raw-gz-download");
        var tarball = Path.Combine(tree.Path, "tool-2.0.tar.gz");
        await File.WriteAllBytesAsync(tarball, GzipOf(RandomNumberGenerator.GetBytes(64 * 1024)));
        var expected = await RawRepositories.Sha256Async(tarball);
        await File.WriteAllTextAsync(tarball + ".sha256", expected);
        await using var files = await StaticFileServer.StartAsync(tree.Path, gzipContentEncoding: true);
        var plain = await server.CreateRawProxyAsync("gz-plain", files.BaseUrl);
        var checkedProxy = await server.CreateRawProxyAsync("gz-checked", files.BaseUrl, verifySidecar: ".sha256");

        foreach (var url in new[] { files.BaseUrl + "tool-2.0.tar.gz", $"{plain}/tool-2.0.tar.gz", $"{checkedProxy}/tool-2.0.tar.gz" })
        {
            var name = $"download-{Guid.NewGuid():N}";
            var get = await RawRepositories.RunAsync("curl", work.Path, ClientTimeout, null, "-sS", "-o", name, "-w", "%{http_code}", url);
            var body = File.Exists(Path.Combine(work.Path, name)) ? await File.ReadAllTextAsync(Path.Combine(work.Path, name)) : "";
            Assert.True(get.ExitCode == 0 && get.StdOut.Trim() == "200", $"curl {url}: {RawRepositories.Describe(get)}{(get.StdOut.Trim() == "200" ? "" : body)}");
            var actual = await RawRepositories.Sha256Async(Path.Combine(work.Path, name));
            Assert.True(actual == expected, $"curl {url} got SHA-256 {actual}, the upstream's file is {expected}");
        }
    }

    private static byte[] GzipOf(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    /// <summary>curl with its answer's body in a file: returns the status and the body.</summary>
    private static async Task<(string Status, string Body)> CurlStatusAsync(string workDir, params string[] args)
    {
        var bodyFile = Path.Combine(workDir, "answer.txt");
        var result = await RawRepositories.RunAsync("curl", workDir, ClientTimeout, null, ["-sS", "-o", bodyFile, "-w", "%{http_code}", .. args]);
        Assert.True(result.ExitCode == 0, RawRepositories.Describe(result));
        return (result.StdOut.Trim(), File.Exists(bodyFile) ? await File.ReadAllTextAsync(bodyFile) : "");
    }

    /// <summary>The last answer's headers from a <c>curl -D</c> file, names in lower case.</summary>
    private static Dictionary<string, string> Headers(string dump)
    {
        var answers = dump.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries);
        return answers[^1].Split("\r\n").Skip(1).Where(line => line.Contains(':', StringComparison.Ordinal))
            .ToDictionary(line => line[..line.IndexOf(':', StringComparison.Ordinal)].ToLowerInvariant(), line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
    }

    /// <summary>Writes <paramref name="size"/> random bytes (a multiple of 1 MiB) one MiB at a time; returns their SHA-256.</summary>
    private static async Task<string> WriteRandomFileAsync(string path, long size)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[MiB];
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, (int)MiB, FileOptions.Asynchronous);
        for (long written = 0; written < size; written += buffer.Length)
        {
            RandomNumberGenerator.Fill(buffer);
            hash.AppendData(buffer);
            await file.WriteAsync(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
