using System.Net;
using System.Security.Cryptography;

namespace ArtifactHub.Server.Tests.Raw;

/// <summary>A raw proxy of a static tree: what it keeps, what it fetches again, and what verifySidecar refuses.</summary>
public sealed class RawProxyTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>, IAsyncLifetime
{
    private readonly HttpClient admin = factory.CreateAdminClient();
    private readonly HttpClient client = factory.CreateClient();
    private StaticUpstream upstream = null!;

    public async Task InitializeAsync() => upstream = await StaticUpstream.StartAsync();

    public async Task DisposeAsync() => await upstream.DisposeAsync();

    [Fact]
    public async Task With_verify_sidecar_a_file_matching_its_checksum_file_is_served_and_kept()
    {
        var tarball = Put("go/go1.99.1.linux-amd64.tar.gz", RandomNumberGenerator.GetBytes(50_000));
        Put("go/go1.99.1.linux-amd64.tar.gz.sha256", System.Text.Encoding.ASCII.GetBytes(Sha256(tarball))); // the digest alone, as dl.google.com writes it
        var repo = await VerifyingProxyAsync();

        Assert.Equal(tarball, await client.GetByteArrayAsync(RawClient.Url(repo, "go1.99.1.linux-amd64.tar.gz")));
        Assert.Equal(tarball, await client.GetByteArrayAsync(RawClient.Url(repo, "go1.99.1.linux-amd64.tar.gz")));

        Assert.Equal(1, upstream.Hits("go/go1.99.1.linux-amd64.tar.gz"));
        Assert.Equal(1, upstream.Hits("go/go1.99.1.linux-amd64.tar.gz.sha256"));
    }

    [Fact]
    public async Task With_verify_sidecar_a_tampered_file_is_a_502_naming_both_digests_and_nothing_is_kept()
    {
        var original = RandomNumberGenerator.GetBytes(40_000);
        Put("go/tool.tar.gz.sha256", System.Text.Encoding.ASCII.GetBytes($"{Sha256(original)}  tool.tar.gz\n")); // as sha256sum writes it
        var tampered = Put("go/tool.tar.gz", [.. original.Take(39_999), 0x42]);
        var repo = await VerifyingProxyAsync();

        using var first = await client.GetAsync(RawClient.Url(repo, "tool.tar.gz"));
        using var second = await client.GetAsync(RawClient.Url(repo, "tool.tar.gz"));

        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        var message = await first.Content.ReadAsStringAsync();
        Assert.Contains(Sha256(tampered), message);
        Assert.Contains(Sha256(original), message);
        Assert.Equal(HttpStatusCode.BadGateway, second.StatusCode);
        Assert.Equal(2, upstream.Hits("go/tool.tar.gz")); // refused, so not kept: asked again
    }

    [Fact]
    public async Task With_verify_sidecar_a_file_without_a_checksum_file_is_refused_but_the_checksum_files_and_metadata_are_not_checked()
    {
        Put("go/lonely.bin", [1, 2, 3]);
        var sidecar = Put("go/x.zip.sha256", System.Text.Encoding.ASCII.GetBytes(new string('a', 64)));
        var index = Put("go/index.json", "{}"u8.ToArray());
        var repo = await VerifyingProxyAsync();

        using var lonely = await client.GetAsync(RawClient.Url(repo, "lonely.bin"));

        Assert.Equal(HttpStatusCode.BadGateway, lonely.StatusCode);
        Assert.Contains("cannot be verified", await lonely.Content.ReadAsStringAsync());
        Assert.Equal(sidecar, await client.GetByteArrayAsync(RawClient.Url(repo, "x.zip.sha256")));
        Assert.Equal(index, await client.GetByteArrayAsync(RawClient.Url(repo, "index.json")));
    }

    [Fact]
    public async Task Metadata_paths_are_fetched_again_once_stale_while_other_files_and_directory_pages_not_matched_are_kept()
    {
        Put("go/index.json", "{}"u8.ToArray());
        Put("go/sub/file.txt", "f"u8.ToArray());
        var repo = await admin.CreateRawAsync("meta", "proxy", new { upstream = upstream.BaseUrl + "go/", metadataPaths = new[] { "*.json" }, metadataMaxAgeMinutes = 0 });

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(RawClient.Url(repo, "index.json"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(RawClient.Url(repo, "sub/file.txt"))).StatusCode);
        }

        Assert.Equal(2, upstream.Hits("go/index.json"));
        Assert.Equal(1, upstream.Hits("go/sub/file.txt"));
    }

    [Fact]
    public async Task A_path_with_spaces_and_non_ascii_letters_is_asked_upstream_percent_encoded()
    {
        var bytes = Put("go/read me/é.txt", "hello"u8.ToArray());
        var repo = await admin.CreateRawAsync("names", "proxy", new { upstream = upstream.BaseUrl + "go/" });

        Assert.Equal(bytes, await client.GetByteArrayAsync(RawClient.Url(repo, "read me/é.txt")));
        Assert.Equal(1, upstream.Hits("go/read me/é.txt"));
    }

    private Task<string> VerifyingProxyAsync() =>
        admin.CreateRawAsync("verified", "proxy", new { upstream = upstream.BaseUrl + "go/", verifySidecar = ".sha256", metadataPaths = new[] { "*.json" } });

    private byte[] Put(string path, byte[] bytes)
    {
        var file = Path.Combine(upstream.Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
        return bytes;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
