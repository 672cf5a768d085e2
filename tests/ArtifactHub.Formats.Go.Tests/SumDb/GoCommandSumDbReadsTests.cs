using ArtifactHub.Formats.Go.SumDb;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Formats.Go.Tests.SumDb;

/// <summary>
/// The real go command against the live database (<see cref="LiveSumDb"/>): for each lookup it reads the very files our
/// verifier reads, given the head the go command keeps in <c>$GOPATH/pkg/sumdb/{name}/latest</c> and no tiles cached,
/// and it keeps the head our verifier calls the newest. What a copy of a database must hold for the go command is
/// therefore what <see cref="SumDbVerification.Paths"/> lists.
/// </summary>
public sealed class GoCommandSumDbReadsTests : IAsyncLifetime
{
    private LiveSumDb _db = null!;

    public async Task InitializeAsync() => _db = await LiveSumDb.StartAsync(count: 6);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_go_command_reads_what_the_verifier_reads_and_keeps_the_head_it_calls_newest()
    {
        var gopath = _db.NewDirectory("gopath");
        var work = _db.NewDirectory("work");
        var env = new Dictionary<string, string>
        {
            ["GOPATH"] = gopath,
            ["GOMODCACHE"] = Path.Combine(gopath, "pkg", "mod"),
            ["GOPROXY"] = "file://" + _db.GoProxy,
            ["GOSUMDB"] = $"{_db.Server.VerifierKey} {_db.Server.Url}",
            ["GOFLAGS"] = "-modcacherw",
            ["GO111MODULE"] = "on",
            ["GONOSUMDB"] = "",
            ["GOPRIVATE"] = "",
        };
        var latest = Path.Combine(gopath, "pkg", "sumdb", LiveSumDb.Name, "latest");
        var verifier = new SumDbVerifier(_db.Server.VerifierKey, _db.Fetch);

        foreach (var (module, version, _) in _db.Modules)
        {
            // The go command keeps the newest head it accepted; forget the tiles and lookups it cached.
            var known = File.Exists(latest) ? verifier.OpenHead(await File.ReadAllBytesAsync(latest)) : null;
            TempDir.DeleteTree(Path.Combine(gopath, "pkg", "mod", "cache", "download", "sumdb"));

            var ours = await verifier.VerifyLookupAsync(module, version, known);
            Assert.True(ours.IsVerified, ours.ToString());
            await LoggedAsync(_db.Server.Requests.Count, ours.Paths.Count);

            var before = _db.Server.Requests.Count;
            (await GoTool.RunAsync(work, env, "mod", "download", "-json", $"{module}@{version}")).EnsureSuccess();
            var theirs = await LoggedAsync(before, ours.Paths.Count);

            Assert.Equal(ours.Paths.Order(StringComparer.Ordinal), theirs.Order(StringComparer.Ordinal));
            Assert.Equal(ours.Newest!.ToBytes(), await File.ReadAllBytesAsync(latest));
        }
    }

    /// <summary>The paths the database answered after the first <paramref name="before"/> requests, once it logged at least <paramref name="expected"/> (its log comes a moment later).</summary>
    private async Task<List<string>> LoggedAsync(int before, int expected)
    {
        for (var wait = 0; _db.Server.Requests.Count < before + expected && wait < 100; wait++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(100);
        return [.. _db.Server.Requests.Skip(before).Select(line => line.Split(' ')[1].TrimStart('/'))];
    }
}
