using System.Text;
using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Formats.Go.Tests.SumDb;

/// <summary>
/// Verification against a real x/mod checksum database (<see cref="LiveSumDb"/>): its key, heads, records and tiles,
/// over HTTP, all checked with our code, at the go command's tile height (8) and at height 2, where a few records
/// already make full tiles and parents.
/// </summary>
public sealed class LiveSumDbVerificationTests : IAsyncLifetime
{
    private LiveSumDb _db = null!;

    public async Task InitializeAsync() => _db = await LiveSumDb.StartAsync(count: 21);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_live_databases_key_parses_and_its_empty_latest_verifies()
    {
        var key = NoteVerifier.Parse(_db.Server.VerifierKey);
        var verifier = new SumDbVerifier(_db.Server.VerifierKey, _db.Fetch);

        var latest = await verifier.VerifyLatestAsync();

        Assert.Equal(LiveSumDb.Name, key.Name);
        Assert.Equal(_db.Server.VerifierKey, key.Key);
        Assert.True(latest.IsVerified, latest.ToString());
        Assert.Equal(new TreeHead(0, TlogHash.Zero), latest.Head!.Head);
        Assert.Equal(["latest"], latest.Paths);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(2)]
    public async Task Each_lookup_grows_the_tree_its_record_is_proven_in_the_newest_head_and_the_newest_head_extends_every_older_one(int height)
    {
        var verifier = new SumDbVerifier(_db.Server.VerifierKey, _db.Fetch, height);
        var heads = new List<SignedTreeHead>();
        var records = new List<(long Id, GoSumRecord Record)>();
        SignedTreeHead? known = null;

        foreach (var (module, version, goMod) in _db.Modules)
        {
            var result = await verifier.VerifyLookupAsync(module, version, known);

            Assert.True(result.IsVerified, result.ToString());
            Assert.Equal(records.Count, result.RecordId);
            Assert.Equal(records.Count + 1, result.Head!.Size);
            Assert.Equal(result.Head, result.Newest);
            Assert.Equal(new GoSumRecord(module, version, result.Record!.ZipHash, GoHash.GoModHash(goMod)), result.Record);
            Assert.StartsWith("h1:", result.Record.ZipHash);
            // The tiles of the head known before (checked first, as the go client does), the lookup, the new tree's tiles.
            Assert.Equal($"lookup/{GoModulePath.Escape(module)}@{version}", Assert.Single(result.Paths, p => !p.StartsWith($"tile/{height}/", StringComparison.Ordinal)));
            Assert.Equal(known is null ? 0 : new TileHashReader(known.Head, height, null!).TilesFor([]).Count, result.Paths.ToList().FindIndex(p => p.StartsWith("lookup/", StringComparison.Ordinal)));
            heads.Add(result.Head);
            records.Add((result.RecordId!.Value, result.Record));
            known = result.Newest;
        }

        // A second lookup of a record answers the same record with the newest head, and an older head known is fine.
        var again = await verifier.VerifyLookupAsync(_db.Modules[4].Module, _db.Modules[4].Version, heads[6]);
        Assert.True(again.IsVerified, again.ToString());
        Assert.Equal(4, again.RecordId);
        Assert.Equal(_db.Modules.Count, again.Newest!.Size);

        // Every record's inclusion and the newest head's consistency with every older head, as explicit proofs.
        var newest = (await verifier.VerifyLatestAsync(heads[^1])).Newest!;
        Assert.Equal(heads[^1].Head, newest.Head);
        var reads = new SumDbTileReads(_db.Fetch);
        var tiles = new TileHashReader(newest.Head, height, reads.ReadAsync);
        foreach (var (id, record) in records)
        {
            var proof = await RecordProof.ProveAsync(newest.Size, id, tiles);
            Assert.True(RecordProof.Check(proof, newest.Size, newest.Root, id, TlogHashing.RecordHash(Encoding.UTF8.GetBytes(record.Format()))), $"record {id}");
        }

        foreach (var old in heads)
        {
            var proof = await TreeProof.ProveAsync(newest.Size, old.Size, tiles);
            Assert.True(TreeProof.Check(proof, newest.Size, newest.Root, old.Size, old.Root), $"{newest} extends {old}");
        }

        if (height == 2)
        {
            Assert.Contains(reads.Paths, p => p.StartsWith("tile/2/2/", StringComparison.Ordinal));
            Assert.Contains(reads.Paths, p => !p.Contains(".p/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_copy_on_disk_of_exactly_the_paths_a_verification_read_verifies_the_same_and_needs_nothing_else()
    {
        var live = new SumDbVerifier(_db.Server.VerifierKey, _db.Fetch, tileHeight: 2);
        SignedTreeHead? known = null;
        foreach (var (module, version, _) in _db.Modules.Take(9))
        {
            known = (await live.VerifyLookupAsync(module, version, known)).Newest;
        }

        var online = await live.VerifyLookupAsync(_db.Modules[2].Module, _db.Modules[2].Version, known);
        var copy = await _db.CopyAsync(online.Paths);
        var offline = await new SumDbVerifier(_db.Server.VerifierKey, SumDbSources.Directory(copy), tileHeight: 2)
            .VerifyLookupAsync(_db.Modules[2].Module, _db.Modules[2].Version, known);

        Assert.True(offline.IsVerified, offline.ToString());
        Assert.Equal(online.Record, offline.Record);
        Assert.Equal(online.Paths, offline.Paths);
        Assert.Equal(online.Paths.Count, Directory.GetFiles(copy, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task A_partial_tile_the_copy_no_longer_has_is_cut_from_the_full_tile_as_the_go_client_does()
    {
        var verifier = new SumDbVerifier(_db.Server.VerifierKey, _db.Fetch, tileHeight: 2);
        SignedTreeHead? atSix = null;
        foreach (var (module, version, _) in _db.Modules.Take(6))
        {
            atSix = (await verifier.VerifyLookupAsync(module, version, atSix)).Newest;
        }

        var lookup = $"lookup/{_db.Modules[5].Module}@{_db.Modules[5].Version}";
        var partials = (await verifier.VerifyRecordAsync(atSix!, 5, await RecordOfAsync(lookup))).Paths;
        Assert.Contains("tile/2/0/001.p/2", partials);

        // The database grows past some of those partial tiles; a copy made now has the full tile instead of each.
        foreach (var (module, version, _) in _db.Modules.Skip(6).Take(4))
        {
            Assert.True((await verifier.VerifyLookupAsync(module, version)).IsVerified);
        }

        var now = _db.Modules.Take(10).Count();
        var completed = partials.Select(Tile.Parse).Select(t => (t.Number + 1) << 2 <= now >> (2 * t.Level) ? t.Full : t).Select(t => t.Path).ToList();
        Assert.Contains("tile/2/0/001", completed);
        var copy = await _db.CopyAsync(completed);
        var offline = new SumDbVerifier(_db.Server.VerifierKey, SumDbSources.Directory(copy), tileHeight: 2);

        var result = await offline.VerifyRecordAsync(atSix!, 5, await RecordOfAsync(lookup));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(completed, result.Paths);
        Assert.Contains("tile/2/0/001", result.Paths);
    }

    private async Task<byte[]> RecordOfAsync(string lookupPath) => LookupAnswer.Parse((await _db.Fetch(lookupPath, CancellationToken.None))!).Record;
}
