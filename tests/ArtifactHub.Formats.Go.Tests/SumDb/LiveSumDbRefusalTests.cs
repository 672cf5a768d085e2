using System.Text;
using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Formats.Go.Tests.SumDb;

/// <summary>
/// What the verifier refuses, each named: a copy on disk of what one verified lookup of the live database read
/// (<see cref="LiveSumDb"/>; the record of module 7 in tree#10, proven to extend tree#5), spoiled one way at a time.
/// </summary>
public sealed class LiveSumDbRefusalTests : IAsyncLifetime
{
    private LiveSumDb _db = null!;
    private readonly List<SignedTreeHead> _heads = [];

    public async Task InitializeAsync()
    {
        _db = await LiveSumDb.StartAsync(count: 12);
        var live = new SumDbVerifier(_db.Server.VerifierKey, _db.Fetch);
        foreach (var (module, version, _) in _db.Modules.Take(10))
        {
            _heads.Add((await live.VerifyLookupAsync(module, version, _heads.LastOrDefault())).Newest!);
        }
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private SignedTreeHead Older => _heads[4];

    private string Lookup(int i) => $"lookup/{GoModulePath.Escape(_db.Modules[i].Module)}@{_db.Modules[i].Version}";

    /// <summary>A copy of what verifying module 7's lookup (knowing tree#5) read at this tile height, and that it verifies as it is.</summary>
    private async Task<(string Copy, SumDbVerification Online)> CopyAsync(int height = Tile.DefaultHeight)
    {
        var online = await new SumDbVerifier(_db.Server.VerifierKey, _db.Fetch, height).VerifyLookupAsync(_db.Modules[7].Module, _db.Modules[7].Version, Older);
        Assert.True(online.IsVerified, online.ToString());
        var copy = await _db.CopyAsync([.. online.Paths, "latest"]);
        Assert.True((await VerifyAsync(copy, height)).IsVerified);
        return (copy, online);
    }

    private Task<SumDbVerification> VerifyAsync(string copy, int height = Tile.DefaultHeight, SignedTreeHead? known = null, string? key = null) =>
        new SumDbVerifier(key ?? _db.Server.VerifierKey, SumDbSources.Directory(copy), height).VerifyLookupAsync(_db.Modules[7].Module, _db.Modules[7].Version, known ?? Older);

    private static void Spoil(string copy, string path, Func<byte[], byte[]> spoil)
    {
        var file = Path.Combine(copy, path);
        File.WriteAllBytes(file, spoil(File.ReadAllBytes(file)));
    }

    private static void SpoilText(string copy, string path, Func<string, string> spoil) =>
        Spoil(copy, path, bytes => Encoding.UTF8.GetBytes(spoil(Encoding.UTF8.GetString(bytes))));

    private static void AssertRefused(SumDbVerification result, SumDbProblem problem, string message)
    {
        Assert.False(result.IsVerified);
        Assert.Equal(problem, result.Problem);
        Assert.Contains(message, result.Message);
        Assert.Null(result.Record);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(2)]
    public async Task A_flipped_byte_in_any_tile_is_a_tile_hash_mismatch(int height)
    {
        var (_, online) = await CopyAsync(height);
        var tiles = online.Paths.Where(p => p.StartsWith("tile/", StringComparison.Ordinal)).ToList();
        // At height 8: tree#5's tile (the known head's, checked first) and tree#10's.
        Assert.True(height == 8 ? tiles.SequenceEqual(["tile/8/0/000.p/5", "tile/8/0/000.p/10"]) : tiles.Count >= 4, string.Join(", ", tiles));

        foreach (var tile in tiles)
        {
            foreach (var at in new[] { 0, 31, 32 * Tile.Parse(tile).Width - 1 })
            {
                var copy = await _db.CopyAsync(online.Paths);
                Spoil(copy, tile, data => Flip(data, at));

                AssertRefused(await VerifyAsync(copy, height), SumDbProblem.TileHashMismatch, "downloaded inconsistent tile");
            }
        }
    }

    [Fact]
    public async Task A_flipped_byte_in_the_record_is_a_record_not_in_the_tree()
    {
        var (copy, _) = await CopyAsync();
        SpoilText(copy, Lookup(7), FlipHashChar);

        AssertRefused(await VerifyAsync(copy), SumDbProblem.RecordNotInTree, "record 7 is not the one in tree#10");
    }

    [Fact]
    public async Task A_record_id_past_the_tree_or_another_modules_record_is_refused()
    {
        var (copy, _) = await CopyAsync();
        var other = await _db.CopyAsync([Lookup(8)]);

        SpoilText(copy, Lookup(7), text => "15" + text[1..]);
        AssertRefused(await VerifyAsync(copy), SumDbProblem.RecordNotInTree, "record 15 cannot be in tree#10");

        File.Copy(Path.Combine(other, Lookup(8)), Path.Combine(copy, Lookup(7)), overwrite: true);
        AssertRefused(await VerifyAsync(copy), SumDbProblem.WrongRecord, $"is record 8, for {_db.Modules[8].Module}@{_db.Modules[8].Version}");
    }

    [Fact]
    public async Task A_flipped_byte_in_a_heads_root_or_a_changed_size_is_a_bad_signature()
    {
        var (copy, online) = await CopyAsync();
        var root = online.Head!.Root.ToString();
        var flippedRoot = (root[0] == 'A' ? "B" : "A") + root[1..];
        SpoilText(copy, Lookup(7), text => text.Replace(root, flippedRoot, StringComparison.Ordinal));
        SpoilText(copy, "latest", text => text.Replace(root, flippedRoot, StringComparison.Ordinal));
        var larger = await _db.CopyAsync(online.Paths);
        SpoilText(larger, Lookup(7), text => text.Replace("\n10\n", "\n11\n", StringComparison.Ordinal));

        AssertRefused(await VerifyAsync(copy), SumDbProblem.BadSignature, $"invalid signature for key {LiveSumDb.Name}+");
        AssertRefused(await new SumDbVerifier(_db.Server.VerifierKey, SumDbSources.Directory(copy)).VerifyLatestAsync(), SumDbProblem.BadSignature, "invalid signature");
        AssertRefused(await VerifyAsync(larger), SumDbProblem.BadSignature, "invalid signature");
    }

    [Fact]
    public async Task A_head_signed_by_another_key_is_by_an_unknown_key_and_one_claiming_the_real_keys_hash_is_a_bad_signature()
    {
        var (copy, online) = await CopyAsync();
        var forged = await _db.CopyAsync(online.Paths);
        var impostor = NoteSigner.Generate(LiveSumDb.Name);
        var byImpostor = SignedTreeHead.Sign(online.Head!.Head, impostor);
        var real = NoteVerifier.Parse(_db.Server.VerifierKey);

        ReplaceHead(copy, Lookup(7), byImpostor.Note);
        ReplaceHead(forged, Lookup(7), byImpostor.Note.WithSignatures([byImpostor.Note.Signatures[0] with { KeyHash = real.KeyHash }]));

        AssertRefused(await VerifyAsync(copy), SumDbProblem.UnknownKey, $"signed by {LiveSumDb.Name}+{NoteKeys.FormatHash(impostor.KeyHash)}");
        AssertRefused(await VerifyAsync(forged), SumDbProblem.BadSignature, $"invalid signature for key {LiveSumDb.Name}+{NoteKeys.FormatHash(real.KeyHash)}");
    }

    [Fact]
    public async Task A_head_signed_by_a_trusted_key_that_claims_a_larger_tree_than_its_root_covers_is_refused_by_the_tiles()
    {
        // Our own key stands in for the database's, so that a lie can be signed.
        var (copy, online) = await CopyAsync();
        var signer = NoteSigner.Generate(LiveSumDb.Name);
        var claim = SignedTreeHead.Sign(new TreeHead(11, online.Head!.Root), signer);
        ReplaceHead(copy, Lookup(7), claim.Note);
        var older = SignedTreeHead.Sign(Older.Head, signer);

        // Not even the tiles of a tree of 11 are in the copy...
        AssertRefused(await VerifyAsync(copy, known: older, key: signer.Verifier.Key), SumDbProblem.NotFound, "tile tile/8/0/000.p/11 not found, nor tile/8/0/000");

        // ...and once they are (the database grew), they do not hash to the claimed root.
        Assert.True((await new SumDbVerifier(_db.Server.VerifierKey, _db.Fetch).VerifyLookupAsync(_db.Modules[10].Module, _db.Modules[10].Version)).IsVerified);
        await _db.CopyAsync(["tile/8/0/000.p/11"], into: copy);
        AssertRefused(await VerifyAsync(copy, known: older, key: signer.Verifier.Key), SumDbProblem.TileHashMismatch, "do not hash to the root of tree#11");
    }

    [Fact]
    public async Task A_known_head_the_new_one_does_not_extend_is_inconsistent_trees()
    {
        // A fork: the database showed someone a tree#5 of its own (one record changed) and signed it; our own key
        // stands in for the database's so that such a head can be signed.
        var (copy, online) = await CopyAsync();
        var signer = NoteSigner.Generate(LiveSumDb.Name);
        ReplaceHead(copy, Lookup(7), SignedTreeHead.Sign(online.Head!.Head, signer).Note);
        var honest = SignedTreeHead.Sign(Older.Head, signer);
        var forkedTile = Flip(File.ReadAllBytes(Path.Combine(copy, "tile/8/0/000.p/5")), 0);
        var forkTile = new Tile(8, 0, 0, 5);
        var forkRoot = TlogHashing.NodeHash(forkTile.HashAt(forkedTile, StoredHashes.Index(2, 0)), forkTile.HashAt(forkedTile, StoredHashes.Index(0, 4)));
        var fork = SignedTreeHead.Sign(new TreeHead(5, forkRoot), signer);

        Assert.True((await VerifyAsync(copy, known: honest, key: signer.Verifier.Key)).IsVerified);

        // Without the fork's own tiles, the go client (no tiles cached) already fails checking the head it kept.
        AssertRefused(await VerifyAsync(copy, known: fork, key: signer.Verifier.Key), SumDbProblem.TileHashMismatch, "do not hash to the root of tree#5");

        // With them (a client that cached them when it accepted the fork), tree#10 is shown not to extend it.
        Put(copy, "tile/8/0/000.p/5", forkedTile);
        AssertRefused(await VerifyAsync(copy, known: fork, key: signer.Verifier.Key), SumDbProblem.InconsistentTrees, $"tree#10 {online.Head.Root} does not extend tree#5 {forkRoot}");
    }

    [Fact]
    public async Task A_known_head_newer_than_the_answers_must_extend_it_and_the_record_is_proven_in_the_known_one()
    {
        var (copy, online) = await CopyAsync();
        Assert.Equal(10, online.Head!.Size);

        // The database grows to 11; knowing tree#11, the copy's answer with tree#10 is checked to be its prefix, and
        // the record is proven in tree#11 (client.go's checkRecord uses the newest head it knows).
        var grown = await new SumDbVerifier(_db.Server.VerifierKey, _db.Fetch).VerifyLookupAsync(_db.Modules[10].Module, _db.Modules[10].Version, _heads[^1]);
        Assert.True(grown.IsVerified, grown.ToString());
        Assert.Equal(11, grown.Newest!.Size);
        AssertRefused(await VerifyAsync(copy, known: grown.Newest), SumDbProblem.NotFound, "tile/8/0/000.p/11");

        await _db.CopyAsync(["tile/8/0/000.p/11"], into: copy);
        var result = await VerifyAsync(copy, known: grown.Newest);

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(11, result.Newest!.Size);
        Assert.Equal(10, result.Head!.Size);
        Assert.Equal(["tile/8/0/000.p/11", Lookup(7)], result.Paths);
    }

    [Fact]
    public async Task A_truncated_tile_or_a_partial_tile_of_the_wrong_width_is_a_size_mismatch()
    {
        var (copy, online) = await CopyAsync();
        var narrower = await _db.CopyAsync(online.Paths);
        var wider = await _db.CopyAsync(online.Paths);
        const string tile = "tile/8/0/000.p/10";
        Spoil(copy, tile, data => data[..^1]);
        Put(narrower, tile, (await _db.Fetch("tile/8/0/000.p/9", CancellationToken.None))!);
        Assert.True((await new SumDbVerifier(_db.Server.VerifierKey, _db.Fetch).VerifyLookupAsync(_db.Modules[10].Module, _db.Modules[10].Version)).IsVerified);
        Put(wider, tile, (await _db.Fetch("tile/8/0/000.p/11", CancellationToken.None))!);

        AssertRefused(await VerifyAsync(copy), SumDbProblem.TileSizeMismatch, $"tile {tile} has 319 bytes; 10 hashes are 320");
        AssertRefused(await VerifyAsync(narrower, known: _heads[4]), SumDbProblem.TileSizeMismatch, $"tile {tile} has 288 bytes");
        AssertRefused(await VerifyAsync(wider, known: _heads[4]), SumDbProblem.TileSizeMismatch, $"tile {tile} has 352 bytes");
    }

    [Fact]
    public async Task A_lookup_the_copy_does_not_have_is_not_found_and_a_malformed_answer_is_malformed()
    {
        var (copy, _) = await CopyAsync();
        var result = await new SumDbVerifier(_db.Server.VerifierKey, SumDbSources.Directory(copy)).VerifyLookupAsync(_db.Modules[9].Module, _db.Modules[9].Version);
        SpoilText(copy, Lookup(7), text => text.Replace("\n\n", "\n", StringComparison.Ordinal));

        AssertRefused(result, SumDbProblem.NotFound, $"{LiveSumDb.Name} has no {Lookup(9)}");
        AssertRefused(await VerifyAsync(copy), SumDbProblem.MalformedRecord, "malformed record");
    }

    private static void Put(string copy, string path, byte[] data)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, path))!);
        File.WriteAllBytes(Path.Combine(copy, path), data);
    }

    private static void ReplaceHead(string copy, string lookup, SignedNote head)
    {
        var answer = LookupAnswer.Parse(File.ReadAllBytes(Path.Combine(copy, lookup)));
        File.WriteAllBytes(Path.Combine(copy, lookup), (answer with { SignedHead = head.FormatBytes() }).Format());
    }

    private static string FlipHashChar(string record)
    {
        // Change one character of the zip hash: still a well-formed record, no longer the database's.
        var at = record.IndexOf(" h1:", StringComparison.Ordinal) + 8;
        return record[..at] + (record[at] == 'A' ? 'B' : 'A') + record[(at + 1)..];
    }

    private static byte[] Flip(byte[] data, int at)
    {
        var copy = (byte[])data.Clone();
        copy[at] ^= 0x80;
        return copy;
    }

    private static TlogHash Flip(TlogHash hash) => TlogHash.FromBytes(Flip(hash.ToArray(), 3));
}
