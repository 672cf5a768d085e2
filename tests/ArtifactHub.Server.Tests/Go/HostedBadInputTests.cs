using System.Net;
using System.Text;
using ArtifactHub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>Every bad upload gets a clear error and leaves nothing behind: no row, no blob, no staged file.</summary>
public sealed class HostedBadInputTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private const string M = "example.com/bad/mod";
    private readonly HttpClient admin = factory.CreateAdminClient();

    public static TheoryData<string, string, string> BadZips() => new()
    {
        { "dot-dot entry", "v1.0.0", Zip(b => b.Add("sub/../../escape.go", "package x\n")) },
        { "absolute entry", "v1.0.0", Zip(b => b.AddRaw("/etc/passwd", [1])) },
        { "backslash entry", "v1.0.0", Zip(b => b.Add("dir\\file.go", "package x\n")) },
        { "case-fold collision", "v1.0.0", Zip(b => b.Add("a.go", "package x\n").Add("A.go", "package x\n")) },
        { "module line mismatch", "v1.0.0", Convert.ToBase64String(ModuleZipBuilder.Simple(M, "v1.0.0", "module example.com/other\n")) },
        { "nested module", "v1.0.0", Zip(b => b.Add("sub/go.mod", "module example.com/bad/mod/sub\n")) },
        { "wrong prefix", "v1.0.0", Convert.ToBase64String(ModuleZipBuilder.Simple(M, "v1.0.1")) },
        { "symlink entry", "v1.0.0", Zip(b => b.AddRaw($"{M}@v1.0.0/link", Encoding.UTF8.GetBytes("/etc/passwd"), 0xA1FF)) },
        { "not a zip", "v1.0.0", Convert.ToBase64String(Encoding.UTF8.GetBytes("this is not a zip file at all")) },
        { "truncated zip", "v1.0.0", Convert.ToBase64String(ModuleZipBuilder.Simple(M, "v1.0.0", null, ("a.go", new string('x', 5000)))[..200]) },
        { "corrupt central directory", "v1.0.0", Convert.ToBase64String(CorruptCentralDirectory(ModuleZipBuilder.Simple(M, "v1.0.0"))) },
    };

    /// <summary>The zip with its end record intact but its last central directory header's signature broken.</summary>
    private static byte[] CorruptCentralDirectory(byte[] zip)
    {
        var corrupt = zip.ToArray();
        corrupt[zip.AsSpan().LastIndexOf("PK\u0001\u0002"u8)] = (byte)'X';
        return corrupt;
    }

    private static string Zip(Action<ModuleZipBuilder> add)
    {
        var builder = new ModuleZipBuilder(M, "v1.0.0").Add("go.mod", $"module {M}\n");
        add(builder);
        return Convert.ToBase64String(builder.Build());
    }

    [Theory]
    [MemberData(nameof(BadZips))]
    public async Task A_broken_module_zip_is_a_400_naming_the_rule_and_nothing_is_stored(string why, string version, string zipBase64)
    {
        var expectedMessage = why switch
        {
            "dot-dot entry" => "not clean",
            "absolute entry" => "does not have prefix",
            "backslash entry" => "invalid char",
            "case-fold collision" => "case-insensitive file name collision",
            "module line mismatch" => "go.mod declares module \"example.com/other\"",
            "nested module" => "go.mod file not in module root directory",
            "wrong prefix" => "does not have prefix",
            "symlink entry" => "not a regular file",
            "not a zip" => "not a valid zip file",
            "truncated zip" => "not a valid zip file",
            "corrupt central directory" => "not a valid zip file",
            _ => throw new ArgumentOutOfRangeException(nameof(why)),
        };

        await AssertRejectedAsync(version, Convert.FromBase64String(zipBase64), HttpStatusCode.BadRequest, expectedMessage);
    }

    [Theory]
    [InlineData("example.com/bad/mod", "v1.2", "not canonical")]
    [InlineData("example.com/bad/mod", "1.2.3", "not a semantic version")]
    [InlineData("example.com/bad/mod", "v1.2.3+build", "not canonical")]
    [InlineData("example.com/bad/mod", "v2.0.0", "should be v0 or v1")]
    [InlineData("example.com/bad/mod/v2", "v1.0.0", "should be v2, not v1")]
    [InlineData("example.com/bad/mod/v2", "v2.0.0+incompatible", "+incompatible is not allowed")]
    [InlineData("gopkg.in/bad.v2", "v3.0.0", "should be v2, not v3")]
    public async Task A_version_that_breaks_the_version_rules_is_a_400_before_the_body_is_read(string module, string version, string message)
    {
        var zip = ModuleZipBuilder.Simple(module, version);

        using var response = await admin.UploadAsync(module, version, zip);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Components.CountAsync(c => c.Name == module)));
    }

    [Fact]
    public async Task Uncompressed_contents_over_500_MiB_are_refused()
    {
        var zipPath = Path.Combine(Path.GetTempPath(), $"ah-bomb-{Guid.NewGuid():N}.zip");
        try
        {
            await using (var file = File.Create(zipPath))
            using (var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Create))
            {
                using (var goMod = new StreamWriter(zip.CreateEntry($"{M}@v1.0.0/go.mod").Open()))
                {
                    await goMod.WriteAsync($"module {M}\n");
                }

                await using var big = zip.CreateEntry($"{M}@v1.0.0/big.bin", System.IO.Compression.CompressionLevel.Fastest).Open();
                var zeros = new byte[1 << 20];
                for (var i = 0; i < 501; i++)
                {
                    await big.WriteAsync(zeros);
                }
            }

            await AssertRejectedAsync("v1.0.0", await File.ReadAllBytesAsync(zipPath), HttpStatusCode.BadRequest, "total uncompressed size of module contents too large");
        }
        finally
        {
            File.Delete(zipPath);
        }
    }

    [Fact]
    public async Task A_go_mod_over_16_MiB_is_refused()
    {
        var goMod = Encoding.UTF8.GetBytes($"module {M}\n" + new string('/', 16 << 20));
        var zip = new ModuleZipBuilder(M, "v1.0.0").Add("go.mod", goMod).Build();

        await AssertRejectedAsync("v1.0.0", zip, HttpStatusCode.BadRequest, "go.mod file too large");
    }

    [Fact]
    public async Task A_body_announced_over_500_MiB_is_a_413_before_it_is_read()
    {
        using var content = new StreamContent(new MemoryStream(new byte[16]));
        content.Headers.ContentLength = (500L << 20) + 1;
        using var request = new HttpRequestMessage(HttpMethod.Put, GoClient.Url(M, "@v/v1.0.0.zip")) { Content = content };

        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync());
        Assert.Empty(factory.StagedFiles());
    }

    [Fact]
    public async Task Uploading_to_an_unknown_repository_is_a_404()
    {
        using var response = await admin.UploadAsync(M, "v1.0.0", ModuleZipBuilder.Simple(M, "v1.0.0"), repository: "nowhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Uploading_to_a_repository_that_is_not_hosted_is_refused()
    {
        await factory.WithDbAsync(async db =>
        {
            // Proxy repositories cannot be created through the API before their handler exists; a row stands in.
            db.Repositories.Add(new Core.Repositories.Repository
            {
                Name = "a-proxy",
                Format = "go",
                Type = Core.Repositories.RepositoryType.Proxy,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        using var response = await admin.UploadAsync(M, "v1.0.0", ModuleZipBuilder.Simple(M, "v1.0.0"), repository: "a-proxy");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("publish to a hosted repository", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Put_on_anything_but_a_zip_path_is_refused()
    {
        using var response = await admin.PutAsync(GoClient.Url(M, "@v/v1.0.0.mod"), new ByteArrayContent([1]));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private async Task AssertRejectedAsync(string version, byte[] zip, HttpStatusCode status, string message)
    {
        var blobs = factory.Blobs().Length;

        using var response = await admin.UploadAsync(M, version, zip);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, body);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Components.CountAsync(c => c.Name == M)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Assets.CountAsync(a => a.Path.StartsWith(M + "/"))));
        Assert.Equal(blobs, factory.Blobs().Length);
        Assert.Empty(factory.StagedFiles());
    }
}
