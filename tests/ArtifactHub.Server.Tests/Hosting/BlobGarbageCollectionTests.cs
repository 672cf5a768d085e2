using System.Net;
using ArtifactHub.Core.Content;
using ArtifactHub.Server.Maintenance;
using ArtifactHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Server.Tests.Hosting;

/// <summary>Blobs nothing refers to, and staged files a crash left, are deleted once older than the grace period.</summary>
public sealed class BlobGarbageCollectionTests : IDisposable
{
    private readonly ArtifactHubFactory factory = new();

    [Fact]
    public async Task A_deleted_versions_blobs_are_kept_through_the_grace_period_and_reclaimed_after_it()
    {
        var admin = factory.CreateAdminClient();
        const string module = "example.com/gc/one";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0");
        await admin.PublishAsync(module, "v1.0.0", zip);
        using var delete = await admin.DeleteAsync(GoClient.Url(module, "@v/v1.0.0"));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        var early = await admin.CollectBlobsAsync(); // default grace: an hour
        Assert.Equal(new BlobGcResult(3, 0, 0, 0), early);
        Assert.Equal(3, factory.Blobs().Length);

        using var later = factory.WithGarbageCollection(graceSeconds: 0);
        var collected = await later.CreateBasicClient("admin", ArtifactHubFactory.AdminPassword).CollectBlobsAsync();

        Assert.Equal(3, collected.Examined);
        Assert.Equal(3, collected.Deleted);
        Assert.True(collected.BytesFreed > zip.Length);
        Assert.Empty(factory.Blobs());
    }

    [Fact]
    public async Task A_version_published_again_after_its_delete_gets_its_blobs_back_whole()
    {
        var admin = factory.CreateAdminClient();
        const string module = "example.com/gc/again";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0");
        await admin.PublishAsync(module, "v1.0.0", zip);
        await admin.DeleteAsync(GoClient.Url(module, "@v/v1.0.0"));
        await admin.PublishAsync(module, "v1.0.0", zip);

        using var later = factory.WithGarbageCollection(graceSeconds: 0);
        var collected = await later.CreateBasicClient("admin", ArtifactHubFactory.AdminPassword).CollectBlobsAsync();

        // The zip and go.mod come back under the same names and are kept. The first .info may go: it holds its publish
        // time, which differs from the second's when the two fell in different seconds.
        Assert.InRange(collected.Deleted, 0, 1);
        var reader = factory.CreateClient();
        Assert.Equal(zip, await reader.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip")));
        Assert.Equal($"module {module}\n\ngo 1.19\n", await reader.GetStringAsync(GoClient.Url(module, "@v/v1.0.0.mod")));
        Assert.Contains("\"Version\":\"v1.0.0\"", await reader.GetStringAsync(GoClient.Url(module, "@v/v1.0.0.info")));
    }

    [Fact]
    public async Task Staged_files_a_crash_left_are_deleted_after_the_grace_period_and_fresh_ones_are_kept()
    {
        using var server = factory.WithGarbageCollection(graceSeconds: 600);
        Directory.CreateDirectory(factory.StagingDir);
        var leftover = Path.Combine(factory.StagingDir, "crashed.tmp");
        var fresh = Path.Combine(factory.StagingDir, "uploading.tmp");
        await File.WriteAllTextAsync(leftover, "half an upload");
        await File.WriteAllTextAsync(fresh, "an upload under way");
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddHours(-2));

        var collected = await server.CreateBasicClient("admin", ArtifactHubFactory.AdminPassword).CollectBlobsAsync();

        Assert.Equal(1, collected.StagedFilesDeleted);
        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(fresh));
    }

    [Fact]
    public async Task A_collection_asked_for_while_another_runs_is_a_409()
    {
        var admin = factory.CreateAdminClient();
        _ = factory.Server;
        await using (await factory.Services.GetRequiredService<IClusterLock>().AcquireAsync(BlobGarbageCollector.LockKey, default))
        {
            using var refused = await admin.PostAsync(BlobGarbageCollection.Url, null);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }

        await admin.CollectBlobsAsync();
    }

    [Fact]
    public async Task The_schedule_collects_without_being_asked()
    {
        using var server = factory.WithGarbageCollection(graceSeconds: 0, intervalSeconds: 1);
        var admin = server.CreateBasicClient("admin", ArtifactHubFactory.AdminPassword);
        const string module = "example.com/gc/scheduled";
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));
        await admin.DeleteAsync(GoClient.Url(module, "@v/v1.0.0"));

        for (var waited = 0; factory.Blobs().Length > 0 && waited < 100; waited++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(factory.Blobs());
    }

    [Theory]
    [InlineData("IntervalSeconds", "-1")]
    [InlineData("GracePeriodSeconds", "-5")]
    public void A_negative_setting_stops_the_server_at_start_with_its_name(string setting, string value)
    {
        using var server = factory.WithWebHostBuilder(b => b.UseSetting($"ArtifactHub:GarbageCollection:{setting}", value));

        var error = Assert.ThrowsAny<Exception>(() => server.Server);

        Assert.Contains($"ArtifactHub:GarbageCollection:{setting}", error.ToString());
    }

    public void Dispose() => factory.Dispose();
}
