using System.Net;
using System.Text.Json;
using ArtifactHub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Tests.Go;

public sealed class HostedUploadTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();

    [Fact]
    public async Task An_upload_answers_201_with_the_hashes_the_go_command_computes()
    {
        const string module = "example.com/upload/hashes";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0", null, ("x.go", "package hashes\n"), ("sub/y.go", "package sub\n"));
        var zipFile = Path.Combine(factory.DataDir, "hashes.zip");
        await File.WriteAllBytesAsync(zipFile, zip);

        var published = await admin.PublishAsync(module, "v1.0.0", zip);

        Assert.Equal(module, published.Module);
        Assert.Equal("v1.0.0", published.Version);
        Assert.Equal(await GoHashTool.HashZipAsync(zipFile), published.ZipHash);
        Assert.Equal(await GoHashTool.HashGoModAsync(System.Text.Encoding.UTF8.GetBytes($"module {module}\n\ngo 1.19\n")), published.ModHash);
        File.Delete(zipFile);
    }

    [Fact]
    public async Task The_same_bytes_again_answer_200_with_the_same_body_and_store_nothing_new()
    {
        const string module = "example.com/upload/again";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0");
        using var first = await admin.UploadAsync(module, "v1.0.0", zip);
        var blobs = factory.Blobs().Length;

        using var second = await admin.UploadAsync(module, "v1.0.0", zip);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(blobs, factory.Blobs().Length);
    }

    [Fact]
    public async Task Other_bytes_for_a_published_version_are_a_409_and_the_version_keeps_its_content()
    {
        const string module = "example.com/upload/immutable";
        var original = ModuleZipBuilder.Simple(module, "v1.0.0", null, ("a.go", "package immutable // one\n"));
        await admin.PublishAsync(module, "v1.0.0", original);
        var blobs = factory.Blobs().Length;

        using var conflict = await admin.UploadAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0", null, ("a.go", "package immutable // two\n")));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("immutable", await conflict.Content.ReadAsStringAsync());
        Assert.Equal(original, await factory.CreateClient().GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip")));
        Assert.Equal(blobs, factory.Blobs().Length);
        Assert.Empty(factory.StagedFiles());
    }

    [Fact]
    public async Task Concurrent_uploads_of_one_version_store_it_once()
    {
        const string module = "example.com/upload/race";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => admin.UploadAsync(module, "v1.0.0", zip)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Components.CountAsync(c => c.Name == module)));
    }

    [Fact]
    public async Task A_pseudo_version_and_an_incompatible_version_can_be_published()
    {
        const string module = "example.com/upload/kinds";
        await admin.PublishAsync(module, "v0.0.0-20260102030405-abcdefabcdef", ModuleZipBuilder.Simple(module, "v0.0.0-20260102030405-abcdefabcdef"));
        var incompatible = await admin.PublishAsync(module, "v2.0.0+incompatible", ModuleZipBuilder.Simple(module, "v2.0.0+incompatible", ""));

        Assert.Equal("v2.0.0+incompatible", incompatible.Version);
        var (status, _) = await factory.CreateClient().GetTextAsync(GoClient.Url(module, "@v/v2.0.0+incompatible.info"));
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task The_publish_time_is_the_info_time_and_is_recorded_in_utc()
    {
        const string module = "example.com/upload/time";
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var published = await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));
        var time = DateTimeOffset.Parse(published.Time, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(time, before, DateTimeOffset.UtcNow.AddSeconds(1));
        var info = JsonDocument.Parse((await factory.CreateClient().GetTextAsync(GoClient.Url(module, "@v/v1.0.0.info"))).Body).RootElement;
        Assert.Equal(published.Time, info.GetProperty("Time").GetString());
    }
}
