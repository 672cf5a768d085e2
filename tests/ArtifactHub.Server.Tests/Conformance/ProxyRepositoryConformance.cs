using System.Net;
using System.Text;

namespace ArtifactHub.Server.Tests.Conformance;

/// <summary>
/// What every proxy repository does, whatever its format, in front of a real upstream on loopback
/// (<see cref="StaticUpstream"/>): an immutable file is fetched once; a metadata file again once older than its max age,
/// and served stale with a Warning when the upstream then fails; an upstream 404 is remembered; concurrent requests
/// share one fetch; offline it serves its cache only; allow/block rules keep paths from the upstream; its credentials
/// go to the upstream's origin and nowhere else. A format gets these tests by deriving with its <see cref="FormatSample"/>.
/// </summary>
public abstract class ProxyRepositoryConformance<TSample>(ArtifactHubFactory factory) : RepositoryConformance<TSample>(factory), IAsyncLifetime
    where TSample : FormatSample, new()
{
    protected StaticUpstream Upstream { get; private set; } = null!;

    public async Task InitializeAsync() => Upstream = await StaticUpstream.StartAsync();

    public async Task DisposeAsync() => await Upstream.DisposeAsync();

    [Fact]
    public async Task An_immutable_file_is_fetched_once_and_then_served_from_the_cache_even_with_the_upstream_stopped()
    {
        var files = Sample.LayOut(Upstream, Sample.Artifact("cached"));
        var repo = await CreateProxyAsync(Upstream);

        for (var round = 0; round < 3; round++)
        {
            foreach (var file in files)
            {
                var (status, body, _) = await GetAsync(repo, file.Path);
                Assert.Equal(200, status);
                Assert.Equal(file.Bytes, body);
            }
        }

        Assert.All(files, file => Assert.Equal(1, Upstream.Hits(file.Path)));
        await Upstream.StopAsync();
        foreach (var file in files)
        {
            Assert.Equal(file.Bytes, (await GetAsync(repo, file.Path)).Body);
        }
    }

    [Fact]
    public async Task A_metadata_file_is_served_from_the_cache_while_younger_than_the_max_age_and_fetched_again_once_older()
    {
        var first = ServeMetadata("meta", 1);
        var repo = await CreateProxyAsync(Upstream, new Dictionary<string, object> { ["metadataMaxAgeMinutes"] = 30 });
        Assert.Equal(first.Bytes, (await GetAsync(repo, first.Path)).Body);
        var second = ServeMetadata("meta", 2);

        Factory.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(first.Bytes, (await GetAsync(repo, first.Path)).Body);
        Assert.Equal(1, Upstream.Hits(first.Path));

        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(second.Bytes, (await GetAsync(repo, first.Path)).Body);
        Assert.Equal(2, Upstream.Hits(first.Path));
        Assert.Equal(second.Bytes, (await GetAsync(repo, first.Path)).Body);
        Assert.Equal(2, Upstream.Hits(first.Path));
    }

    [Theory]
    [InlineData("answers 500")]
    [InlineData("is stopped")]
    public async Task When_the_upstream_fails_a_stale_metadata_file_is_served_with_a_warning_110(string failure)
    {
        var metadata = ServeMetadata("stale", 1);
        var repo = await CreateProxyAsync(Upstream, new Dictionary<string, object> { ["metadataMaxAgeMinutes"] = 0 });
        Assert.Equal(metadata.Bytes, (await GetAsync(repo, metadata.Path)).Body);

        await FailAsync(Upstream, failure);

        using var stale = await Client.GetAsync(Url(repo, metadata.Path));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(metadata.Bytes, await stale.Content.ReadAsByteArrayAsync());
        var warning = Assert.Single(stale.Headers.Warning);
        Assert.Equal(110, warning.Code);
        Assert.Contains("stale", warning.Text, StringComparison.OrdinalIgnoreCase);

        var (uncached, _, _) = await GetAsync(repo, Sample.Metadata("never-fetched", 1).Path);
        Assert.Equal(502, uncached);
    }

    [Fact]
    public async Task An_upstream_404_is_a_404_remembered_for_the_negative_cache_time()
    {
        var missing = Sample.Artifact("missing").Published;
        var remembering = await CreateProxyAsync(Upstream, new Dictionary<string, object> { ["negativeCacheMinutes"] = 5 });
        var forgetting = await CreateProxyAsync(Upstream, new Dictionary<string, object> { ["negativeCacheMinutes"] = 0 });

        foreach (var repo in new[] { remembering, remembering, forgetting, forgetting })
        {
            Assert.Equal(404, (await GetAsync(repo, missing.Path)).Status);
        }

        Assert.Equal(3, Upstream.Hits(missing.Path));

        // Remembered even once the upstream has it, until the negative-cache time is over.
        Sample.LayOut(Upstream, Sample.Artifact("missing"));
        Assert.Equal(404, (await GetAsync(remembering, missing.Path)).Status);
        Assert.Equal(200, (await GetAsync(forgetting, missing.Path)).Status);
        Assert.Equal(4, Upstream.Hits(missing.Path));
    }

    [Theory]
    [InlineData("immutable")]
    [InlineData("metadata")]
    public async Task Concurrent_requests_for_one_uncached_file_make_one_upstream_request(string kind)
    {
        var file = kind == "metadata" ? ServeMetadata("flight", 1) : Sample.LayOut(Upstream, Sample.Artifact("flight")).Last();
        var repo = await CreateProxyAsync(Upstream);

        Task<byte[]>[] requests;
        using (Upstream.HoldAnswers())
        {
            requests = [.. Enumerable.Range(0, 20).Select(_ => Client.GetByteArrayAsync(Url(repo, file.Path)))];
            await Poll.UntilAsync(() => Upstream.Hits(file.Path) > 0, "the first upstream request");
        }

        Assert.All(await Task.WhenAll(requests), body => Assert.Equal(file.Bytes, body));
        Assert.Equal(1, Upstream.Hits(file.Path));
    }

    [Fact]
    public async Task An_offline_proxy_serves_its_cache_answers_404_for_anything_else_and_never_asks_the_upstream()
    {
        var cached = Sample.LayOut(Upstream, Sample.Artifact("kept"));
        var uncached = Sample.LayOut(Upstream, Sample.Artifact("not-kept"));
        var metadata = ServeMetadata("kept", 1);
        var repo = await CreateProxyAsync(Upstream, new Dictionary<string, object> { ["metadataMaxAgeMinutes"] = 0 });
        foreach (var file in cached.Append(metadata))
        {
            Assert.Equal(200, (await GetAsync(repo, file.Path)).Status);
        }

        await ChangeAsync(repo, new { online = false });
        var hits = Upstream.TotalHits;

        foreach (var file in cached.Append(metadata))
        {
            Assert.Equal(file.Bytes, (await GetAsync(repo, file.Path)).Body);
        }

        foreach (var file in uncached.Append(Sample.Metadata("not-kept", 1)))
        {
            var (status, body, _) = await GetAsync(repo, file.Path);
            Assert.Equal(404, status);
            Assert.Contains("offline", Encoding.UTF8.GetString(body));
        }

        Assert.Equal(hits, Upstream.TotalHits);
    }

    [Fact]
    public async Task A_blocked_path_or_one_the_allow_list_leaves_out_is_a_404_and_never_reaches_the_upstream()
    {
        var secret = Sample.Artifact("secret");
        var files = Sample.LayOut(Upstream, secret).Append(ServeMetadata("secret", 1));
        var blocking = await CreateProxyAsync(Upstream, new Dictionary<string, object> { ["block"] = new[] { secret.RuleGlob } });
        var allowing = await CreateProxyAsync(Upstream, new Dictionary<string, object> { ["allow"] = new[] { Sample.Artifact("public").RuleGlob } });

        foreach (var repo in new[] { blocking, allowing })
        {
            foreach (var file in files)
            {
                Assert.Equal(404, (await GetAsync(repo, file.Path)).Status);
            }
        }

        Assert.Equal(0, Upstream.TotalHits);
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("bearer")]
    public async Task Credentials_are_sent_to_the_upstream(string type)
    {
        var (authentication, header) = type == "basic"
            ? ((object)new { type, username = "alice", password = "wonderland-pw" }, "Basic " + Convert.ToBase64String("alice:wonderland-pw"u8.ToArray()))
            : (new { type, token = "tok-7f3a9c" }, "Bearer tok-7f3a9c");
        var files = Sample.LayOut(Upstream, Sample.Artifact("private"));
        Upstream.RequiredAuthorization = header;
        var with = await CreateProxyAsync(Upstream, new Dictionary<string, object> { ["authentication"] = authentication });
        var without = await CreateProxyAsync(Upstream);

        foreach (var file in files)
        {
            Assert.Equal(file.Bytes, (await GetAsync(with, file.Path)).Body);
        }

        Assert.All(Upstream.Authorizations, sent => Assert.Equal(header, sent));
        var (status, body, _) = await GetAsync(without, files[0].Path);
        Assert.Equal(502, status);
        Assert.Contains("answered 401", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task Credentials_do_not_follow_the_upstream_redirecting_to_another_origin()
    {
        await using var elsewhere = await StaticUpstream.StartAsync();
        var file = Sample.LayOut(elsewhere, Sample.Artifact("moved")).Last();
        Upstream.Redirect(file.Path, elsewhere.BaseUrl + file.Path);
        var repo = await CreateProxyAsync(Upstream, new Dictionary<string, object> { ["authentication"] = new { type = "bearer", token = "for-the-upstream-only" } });

        Assert.Equal(file.Bytes, (await GetAsync(repo, file.Path)).Body);

        Assert.Equal(["Bearer for-the-upstream-only"], Upstream.Authorizations);
        Assert.Equal([null], elsewhere.Authorizations);
    }

    [Fact]
    public async Task Publishing_or_deleting_through_a_proxy_is_a_405()
    {
        var artifact = Sample.Artifact("put");
        var repo = await CreateProxyAsync(Upstream);

        using var publish = await Sample.PublishAsync(Admin, repo, artifact);
        using var delete = await Admin.DeleteAsync(Url(repo, artifact.DeletePath));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, publish.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(0, Upstream.TotalHits);
    }

    /// <summary>The upstream serves the metadata file of <paramref name="name"/> in its <paramref name="generation"/>th edition.</summary>
    private SampleFile ServeMetadata(string name, int generation)
    {
        var file = Sample.Metadata(name, generation);
        Upstream.Serve(file.Path, file.Bytes);
        return file;
    }
}
