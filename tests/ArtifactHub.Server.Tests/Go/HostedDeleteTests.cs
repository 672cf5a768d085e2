using System.Net;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>Deleting a Go version. Read-only and offline repositories: the hosted conformance suite (Conformance/).</summary>
public sealed class HostedDeleteTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();
    private readonly HttpClient anonymous = factory.CreateClient();

    [Fact]
    public async Task A_deleted_version_is_gone_from_reads_and_the_list_and_garbage_collection_reclaims_its_space()
    {
        const string module = "example.com/delete/one";
        var kept = ModuleZipBuilder.Simple(module, "v1.0.0", null, ("keep.go", "package one\n"));
        await admin.PublishAsync(module, "v1.0.0", kept);
        using var server = factory.WithGarbageCollection(graceSeconds: 0);
        var collector = server.CreateBasicClient("admin", ArtifactHubFactory.AdminPassword);
        await collector.CollectBlobsAsync(); // other tests' leftovers out of the count below
        var blobsBefore = factory.Blobs().Length;
        var gone = ModuleZipBuilder.Simple(module, "v1.1.0", null, ("gone.go", "package one\n"));
        await admin.PublishAsync(module, "v1.1.0", gone);

        using var delete = await admin.DeleteAsync(GoClient.Url(module, "@v/v1.1.0"));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        foreach (var file in new[] { "v1.1.0.info", "v1.1.0.mod", "v1.1.0.zip" })
        {
            Assert.Equal(404, (await anonymous.GetTextAsync(GoClient.Url(module, "@v/" + file))).Status);
        }

        Assert.Equal("v1.0.0\n", (await anonymous.GetTextAsync(GoClient.Url(module, "@v/list"))).Body);

        // Past the grace period (0 here), a collection deletes the zip and info blobs; the go.mod of v1.1.0 had the
        // same bytes as v1.0.0's and is still in use, so it stays and v1.0.0 still downloads whole.
        var collected = await collector.CollectBlobsAsync();
        Assert.Equal(2, collected.Deleted);
        Assert.True(collected.BytesFreed > gone.Length, $"{collected.BytesFreed} bytes freed");
        Assert.Equal(blobsBefore, factory.Blobs().Length);
        Assert.Equal(kept, await anonymous.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip")));
        Assert.Equal(200, (await anonymous.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.mod"))).Status);
    }

    [Fact]
    public async Task Deleting_a_version_that_does_not_exist_is_a_404()
    {
        using var delete = await admin.DeleteAsync(GoClient.Url("example.com/delete/none", "@v/v1.0.0"));

        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task Deleting_needs_credentials()
    {
        const string module = "example.com/delete/auth";
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));

        using var delete = await anonymous.DeleteAsync(GoClient.Url(module, "@v/v1.0.0"));

        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        Assert.Equal(200, (await anonymous.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.info"))).Status);
    }
}
