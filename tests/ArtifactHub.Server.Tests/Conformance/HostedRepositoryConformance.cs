using System.Net;
using System.Net.Http.Headers;

namespace ArtifactHub.Server.Tests.Conformance;

/// <summary>
/// What every hosted repository does, whatever its format: what is published reads back as it was sent, never changes
/// (allow-once), can be deleted, obeys read-only and offline, and a bad input is refused leaving nothing behind.
/// A format gets these tests by deriving with its <see cref="FormatSample"/>.
/// </summary>
public abstract class HostedRepositoryConformance<TSample>(ArtifactHubFactory factory) : RepositoryConformance<TSample>(factory)
    where TSample : FormatSample, new()
{
    public static TheoryData<string> BadInputKinds => [.. new TSample().BadInputs.Select(b => b.Kind)];

    [Fact]
    public async Task A_published_artifact_reads_back_with_the_same_bytes_by_get_and_head_and_its_etag_answers_304()
    {
        var repo = await CreateHostedAsync();
        var artifact = Sample.Artifact("read");
        var url = Url(repo, artifact.Published.Path);

        await PublishAsync(repo, artifact);

        using var get = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(artifact.Published.Bytes, await get.Content.ReadAsByteArrayAsync());
        var etag = Assert.IsType<EntityTagHeaderValue>(get.Headers.ETag);

        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(artifact.Published.Bytes.Length, head.Content.Headers.ContentLength);
        Assert.Equal(etag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfNoneMatch = { etag } } };
        using var notModified = await Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        foreach (var path in artifact.Reads)
        {
            Assert.Equal(200, (await GetAsync(repo, path)).Status);
        }
    }

    [Fact]
    public async Task The_same_bytes_again_are_a_200_that_stores_nothing_new()
    {
        var repo = await CreateHostedAsync();
        var artifact = Sample.Artifact("again");
        await PublishAsync(repo, artifact);
        var blobs = Factory.Blobs().Length;
        var rows = await RowsAsync(repo);

        using var again = await Sample.PublishAsync(Admin, repo, artifact);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(blobs, Factory.Blobs().Length);
        Assert.Equal(rows, await RowsAsync(repo));
        Assert.Empty(Factory.StagedFiles());
    }

    [Fact]
    public async Task Other_bytes_at_the_same_coordinates_are_a_409_and_the_first_bytes_are_still_served()
    {
        var repo = await CreateHostedAsync();
        var first = Sample.Artifact("immutable", "first");
        var second = Sample.Artifact("immutable", "second");
        Assert.Equal(first.Published.Path, second.Published.Path);
        Assert.NotEqual(first.Published.Bytes, second.Published.Bytes);
        await PublishAsync(repo, first);
        var blobs = Factory.Blobs().Length;

        using var conflict = await Sample.PublishAsync(Admin, repo, second);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(first.Published.Bytes, (await GetAsync(repo, first.Published.Path)).Body);
        Assert.Equal(blobs, Factory.Blobs().Length);
        Assert.Empty(Factory.StagedFiles());
    }

    [Fact]
    public async Task A_deleted_artifact_is_a_204_and_then_every_read_of_it_is_a_404()
    {
        var repo = await CreateHostedAsync();
        var artifact = Sample.Artifact("deleted");
        var kept = Sample.Artifact("kept");
        await PublishAsync(repo, artifact);
        await PublishAsync(repo, kept);

        using var delete = await Admin.DeleteAsync(Url(repo, artifact.DeletePath));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        foreach (var path in artifact.Reads)
        {
            Assert.Equal(404, (await GetAsync(repo, path)).Status);
        }

        Assert.Equal(kept.Published.Bytes, (await GetAsync(repo, kept.Published.Path)).Body);
        using var again = await Admin.DeleteAsync(Url(repo, artifact.DeletePath));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_read_only_repository_refuses_publish_and_delete_with_403_and_still_serves()
    {
        var repo = await CreateHostedAsync();
        var artifact = Sample.Artifact("frozen");
        await PublishAsync(repo, artifact);
        await ChangeAsync(repo, new { hosted = new { writePolicy = "read-only" } });

        using var publish = await Sample.PublishAsync(Admin, repo, Sample.Artifact("later"));
        using var delete = await Admin.DeleteAsync(Url(repo, artifact.DeletePath));

        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Contains("read-only", await publish.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(artifact.Published.Bytes, (await GetAsync(repo, artifact.Published.Path)).Body);
        Assert.Equal(404, (await GetAsync(repo, Sample.Artifact("later").Published.Path)).Status);
    }

    [Fact]
    public async Task An_offline_repository_answers_503_to_reads_and_publishes()
    {
        var repo = await CreateAsync("hosted", new Dictionary<string, object> { ["online"] = false });
        var artifact = Sample.Artifact("sleeping");

        var (status, body, _) = await GetAsync(repo, artifact.Published.Path);
        using var publish = await Sample.PublishAsync(Admin, repo, artifact);

        Assert.Equal(503, status);
        Assert.Contains("offline", System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, publish.StatusCode);
        Assert.Equal((0, 0), await RowsAsync(repo));
    }

    [Theory]
    [MemberData(nameof(BadInputKinds))]
    public async Task A_bad_input_is_refused_with_a_4xx_and_leaves_no_staged_file_blob_or_row(string kind)
    {
        var bad = Sample.BadInputs.Single(b => b.Kind == kind);
        var repo = await CreateHostedAsync();
        if (bad.PrepareAsync is { } prepare)
        {
            await prepare(Admin, repo);
        }

        var blobs = Factory.Blobs().Length;
        var rows = await RowsAsync(repo);

        using var response = await bad.SendAsync(Admin, repo);

        Assert.True((int)response.StatusCode == bad.Status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Factory.StagedFiles());
        Assert.Equal(blobs, Factory.Blobs().Length);
        Assert.Equal(rows, await RowsAsync(repo));
    }
}
