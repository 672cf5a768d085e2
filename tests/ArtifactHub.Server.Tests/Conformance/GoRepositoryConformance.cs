using static ArtifactHub.Server.Tests.FakeSumDbFiles;

namespace ArtifactHub.Server.Tests.Conformance;

/// <summary>The hosted repository suite on Go: a module version published as its zip.</summary>
public sealed class GoHostedRepositoryConformance(ArtifactHubFactory factory) : HostedRepositoryConformance<GoSample>(factory);

/// <summary>The proxy repository suite on Go, and what only Go has: a checksum database on another origin.</summary>
public sealed class GoProxyRepositoryConformance(ArtifactHubFactory factory) : ProxyRepositoryConformance<GoSample>(factory)
{
    [Fact]
    public async Task Credentials_never_go_to_a_checksum_database_on_another_origin()
    {
        await using var sumdb = await StaticUpstream.StartAsync();
        var lookup = sumdb.Serve("lookup/example.com/conf/checked@v1.0.0", Lookup("example.com/conf/checked", "v1.0.0", 7));
        var files = Sample.LayOut(Upstream, Sample.Artifact("checked"));
        var repo = await CreateProxyAsync(Upstream, new Dictionary<string, object>
        {
            ["authentication"] = new { type = "bearer", token = "for-the-upstream-only" },
            ["checksumDatabases"] = new[] { new { name = Db, url = sumdb.BaseUrl } },
        });

        Assert.Equal(files[^1].Bytes, (await GetAsync(repo, files[^1].Path)).Body);
        Assert.Equal(lookup, (await GetAsync(repo, $"sumdb/{Db}/lookup/example.com/conf/checked@v1.0.0")).Body);

        Assert.Equal(["Bearer for-the-upstream-only"], Upstream.Authorizations);
        Assert.Equal([null], sumdb.Authorizations);
    }
}

/// <summary>The group repository suite on Go (the merged version list and @latest are in GroupRepositoryTests).</summary>
public sealed class GoGroupRepositoryConformance(ArtifactHubFactory factory) : GroupRepositoryConformance<GoSample>(factory);
