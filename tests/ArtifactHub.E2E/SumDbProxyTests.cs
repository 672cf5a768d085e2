using ArtifactHub.E2E.Infrastructure;
using ArtifactHub.TestSupport;

namespace ArtifactHub.E2E;

/// <summary>
/// B's proxy <c>up</c> (of A's go-hosted) also proxies a real, signed checksum database whose records are the hashes
/// of what A serves; B's group <c>all</c> = [go-hosted, up]. The go command verifies every public module against the
/// database through the group: GOSUMDB names the database without a URL, so it can only be reached through the
/// GOPROXY's <c>sumdb/</c> path.
/// </summary>
public sealed class SumDbFixture : UpstreamProxyFixture
{
    public const string GroupRepository = "all";
    public const string DatabaseName = "sum.e2e.test";

    private GoSumDbServer? _database;
    private Task<GroupRun>? _run;

    public GoSumDbServer Database => _database ?? throw new InvalidOperationException("checksum database not started");

    public string GroupUrl => this.ProxyUrl(GroupRepository);

    protected override string Label => $"B (group {GroupRepository}, sumdb {DatabaseName})";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.CreateGoGroupAsync(GroupRepository, Repository, ProxyRepository);
    }

    public override async Task DisposeAsync()
    {
        try
        {
            await StopDatabaseAsync();
        }
        finally
        {
            await base.DisposeAsync();
        }
    }

    /// <summary>Stops the checksum database for good.</summary>
    public async Task StopDatabaseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A go environment that verifies public modules against the database through the group, and not the private one.</summary>
    public GoSandbox NewGo(string name) => new(this, name, () => GroupUrl, new Dictionary<string, string>
    {
        ["GOSUMDB"] = Database.VerifierKey,
        ["GONOSUMDB"] = "corp.example.com",
    });

    /// <summary>Publishes the group modules to A and B and has go build the consumer through the group, once per class.</summary>
    public Task<GroupRun> EnsureBuiltAsync() => Once(ref _run, BuildAsync);

    protected override async Task CreateUpProxyAsync(string upstreamUrl)
    {
        _database = await GoSumDbServer.StartAsync(DatabaseName, upstreamUrl);
        await this.CreateGoProxyAsync(ProxyRepository, upstreamUrl, [(DatabaseName, _database.Url)]);
    }

    private async Task<GroupRun> BuildAsync()
    {
        foreach (var version in GroupModules.StringsVersions)
        {
            await Upstream.UploadAsync(GroupModules.Strings, version, GroupModules.StringsZip(version));
        }

        await UploadAsync(GroupModules.Greeter, GroupModules.GreeterVersion, GroupModules.GreeterZip());

        using var go = NewGo("sumdb-first");
        var app = go.NewDir("app");
        await File.WriteAllTextAsync(Path.Combine(app, "go.mod"), GroupModules.ConsumerGoMod);
        await File.WriteAllTextAsync(Path.Combine(app, "main.go"), GroupModules.ConsumerMain);
        await go.RunOkAsync(app, "mod", "tidy");
        await go.RunOkAsync(app, "build", "-o", "app", ".");
        return new GroupRun(
            await File.ReadAllTextAsync(Path.Combine(app, "go.mod")),
            await File.ReadAllTextAsync(Path.Combine(app, "go.sum")),
            await GoSandbox.RunBinaryAsync(Path.Combine(app, "app")),
            "");
    }
}

/// <summary>The go command's checksum verification through a group: it works, it is cached, and the private module never leaks.</summary>
public sealed class SumDbProxyTests(SumDbFixture servers) : IClassFixture<SumDbFixture>
{
    private static readonly string StringsEscaped = HostedGoServerFixture.GoEscape(GroupModules.Strings);

    [Fact]
    public async Task Go_verifies_public_modules_against_the_checksum_database_through_the_group_and_each_lookup_reaches_it_once()
    {
        var run = await servers.EnsureBuiltAsync();

        Assert.Equal(GroupModules.ExpectedOutput, run.Output.Trim());
        // go mod tidy and go build each verify the selected release (v1.0.0's go.mod is pruned from the graph).
        var lookup = $"lookup/{StringsEscaped}@{GroupModules.StringsLatest}";
        Assert.True(
            servers.Database.Hits(lookup) == 1,
            $"{lookup} reached the database {servers.Database.Hits(lookup)} times, expected once:\n{string.Join('\n', servers.Database.Requests)}\n{servers.ServerLogTail()}");

        // The hash go wrote to go.sum is the database's record (computed from A's bytes), as B serves it.
        var lookupBody = await servers.Http.GetStringAsync($"{servers.GroupUrl}/sumdb/{SumDbFixture.DatabaseName}/lookup/{StringsEscaped}@{GroupModules.StringsLatest}");
        var zipLine = lookupBody.Split('\n').First(l => l.StartsWith($"{GroupModules.Strings} {GroupModules.StringsLatest} h1:", StringComparison.Ordinal));
        Assert.Contains(zipLine, run.GoSum, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_private_module_is_never_looked_up_in_the_public_checksum_database()
    {
        await servers.EnsureBuiltAsync();

        Assert.DoesNotContain(servers.Database.Requests, r => r.Contains("corp.example.com", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task With_the_database_and_the_upstream_gone_a_fresh_go_still_verifies_from_the_proxy_cache()
    {
        var run = await servers.EnsureBuiltAsync();
        await servers.StopDatabaseAsync();
        await servers.StopUpstreamAsync();

        // A fresh GOPATH: no go.sum and no checksum-database cache of its own, so go must look every module up again.
        using var go = servers.NewGo("sumdb-gone");
        var app = go.NewDir("app");
        await File.WriteAllTextAsync(Path.Combine(app, "go.mod"), run.GoMod);
        await File.WriteAllTextAsync(Path.Combine(app, "main.go"), GroupModules.ConsumerMain);
        await go.RunOkAsync(app, "mod", "tidy");
        await go.RunOkAsync(app, "build", "-o", "app", ".");

        Assert.Equal(GroupModules.ExpectedOutput, (await GoSandbox.RunBinaryAsync(Path.Combine(app, "app"))).Trim());
        Assert.Equal(Lines(run.GoSum), Lines(await File.ReadAllTextAsync(Path.Combine(app, "go.sum"))));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
}

/// <summary>What the checksum database is for: bytes that differ from its record are refused by go, through the proxy.</summary>
public sealed class SumDbTamperTests(SumDbFixture servers) : IClassFixture<SumDbFixture>
{
    private const string Module = "example.com/tampered";
    private const string Version = "v1.0.0";

    [Fact]
    public async Task Go_refuses_a_zip_whose_hash_differs_from_the_checksum_database_record_it_got_through_the_group()
    {
        // The database records the first release of the bytes; then A's copy is replaced behind its back.
        await servers.Upstream.UploadAsync(Module, Version, ModuleZipBuilder.Simple(Module, Version, null, ("a.go", "package tampered\n")));
        var lookup = await servers.Http.GetAsync($"{servers.GroupUrl}/sumdb/{SumDbFixture.DatabaseName}/lookup/{Module}@{Version}");
        Assert.True(lookup.IsSuccessStatusCode, $"lookup through the group answered {(int)lookup.StatusCode}: {await lookup.Content.ReadAsStringAsync()}");
        using (var deleted = await servers.Upstream.DeleteVersionAsync(Module, Version))
        {
            Assert.True(deleted.IsSuccessStatusCode, $"DELETE on A answered {(int)deleted.StatusCode}");
        }

        await servers.Upstream.UploadAsync(Module, Version, ModuleZipBuilder.Simple(Module, Version, null, ("a.go", "package tampered\n\n// Changed.\n")));

        using var go = servers.NewGo("sumdb-tampered");
        var app = go.NewDir("app");
        await File.WriteAllTextAsync(Path.Combine(app, "go.mod"), "module example.com/victim\n\ngo 1.19\n");
        var result = await go.RunAsync(app, "mod", "download", $"{Module}@{Version}");

        Assert.True(result.ExitCode != 0, $"go mod download of tampered bytes succeeded:\n{result.StdOut}{result.StdErr}");
        Assert.Contains("checksum mismatch", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("SECURITY ERROR", result.StdErr, StringComparison.Ordinal);
        Assert.Contains(SumDbFixture.DatabaseName, result.StdErr, StringComparison.Ordinal);
    }
}
