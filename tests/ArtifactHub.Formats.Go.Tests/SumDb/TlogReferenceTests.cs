using System.Text;
using ArtifactHub.Formats.Go.SumDb;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Formats.Go.Tests.SumDb;

/// <summary>
/// The transparency-log code against golang.org/x/mod/sumdb/tlog itself: gotlog/main.go (run by <see cref="GoTlogTool"/>)
/// builds a log of 300 go.sum-like records and prints hashes, indexes, proofs, tile paths and the tiles its
/// TileHashReader reads, each with its inputs.
/// </summary>
public sealed class TlogReferenceTests
{
    private static async Task<(GoTlogReference Go, StoredHashList Log)> LogAsync()
    {
        var go = await GoTlogTool.GetAsync();
        var log = new StoredHashList();
        foreach (var record in go.Records)
        {
            log.Append(Encoding.UTF8.GetBytes(record));
        }

        return (go, log);
    }

    [Fact]
    public async Task Record_and_node_hashes_are_tlogs()
    {
        var go = await GoTlogTool.GetAsync();

        Assert.Equal(go.RecordHashes, go.Records.Select(r => TlogHashing.RecordHash(Encoding.UTF8.GetBytes(r)).ToString()));
        Assert.Equal(go.NodeHashOf01, TlogHashing.NodeHash(TlogHash.Parse(go.RecordHashes[0]), TlogHash.Parse(go.RecordHashes[1])).ToString());
    }

    [Fact]
    public async Task Stored_hash_indexes_and_counts_are_tlogs_and_Split_inverts_Index()
    {
        var go = await GoTlogTool.GetAsync();

        Assert.All(go.StoredHashIndex, c => Assert.Equal(c.Index, StoredHashes.Index(c.Level, c.N)));
        Assert.All(go.StoredHashIndex, c => Assert.Equal((c.Level, c.N), StoredHashes.Split(c.Index)));
        Assert.All(go.StoredHashCount, c => Assert.Equal(c.Count, StoredHashes.Count(c.N)));
        for (var index = 0L; index < 5000; index++)
        {
            var (level, n) = StoredHashes.Split(index);
            Assert.Equal(index, StoredHashes.Index(level, n));
        }
    }

    [Fact]
    public async Task A_log_built_record_by_record_stores_tlogs_hashes_and_has_its_tree_hash_at_every_size()
    {
        var (go, log) = await LogAsync();

        Assert.Equal(go.StoredHashes, log.Hashes.Select(h => h.ToString()));
        Assert.Equal(StoredHashes.Count(go.Records.Count), log.Hashes.Count);
        for (var size = 0; size <= go.Records.Count; size++)
        {
            var root = await TreeHash.ComputeAsync(size, log);
            Assert.Equal(go.TreeHashes[size], root.ToString());
            Assert.Equal(go.TreeTexts[size], new TreeHead(size, root).FormatText());
            Assert.Equal(new TreeHead(size, root), TreeHead.ParseText(go.TreeTexts[size]));
        }
    }

    [Fact]
    public async Task Record_proofs_are_tlogs_and_check_only_for_the_right_record_and_root()
    {
        var (go, log) = await LogAsync();

        Assert.NotEmpty(go.RecordProofs);
        foreach (var c in go.RecordProofs)
        {
            var proof = await RecordProof.ProveAsync(c.Size, c.N, log);
            Assert.Equal(c.Proof, proof.Select(h => h.ToString()));

            var root = TlogHash.Parse(go.TreeHashes[(int)c.Size]);
            var leaf = TlogHash.Parse(go.RecordHashes[(int)c.N]);
            Assert.True(RecordProof.Check(proof, c.Size, root, c.N, leaf), $"record {c.N} in tree#{c.Size}");
            Assert.False(RecordProof.Check(proof, c.Size, root, c.N, TlogHash.Parse(go.RecordHashes[(int)(c.N + 1) % go.RecordHashes.Count])));
            Assert.False(RecordProof.Check(proof, c.Size, TlogHash.Parse(go.TreeHashes[(int)c.Size - 1]), c.N, leaf));
            if (c.N + 1 < c.Size && proof.Count > 0)
            {
                Assert.False(RecordProof.Check(proof, c.Size, root, c.N + 1, leaf));
            }

            Assert.False(RecordProof.Check([.. proof, leaf], c.Size, root, c.N, leaf));
            if (proof.Count > 0)
            {
                Assert.False(RecordProof.Check([.. proof.Skip(1)], c.Size, root, c.N, leaf));
                Assert.False(RecordProof.Check([Flip(proof[0]), .. proof.Skip(1)], c.Size, root, c.N, leaf));
            }
        }
    }

    [Fact]
    public async Task Tree_proofs_are_tlogs_and_check_only_for_the_right_trees()
    {
        var (go, log) = await LogAsync();

        Assert.NotEmpty(go.TreeProofs);
        foreach (var c in go.TreeProofs)
        {
            var proof = await TreeProof.ProveAsync(c.Size, c.N, log);
            Assert.Equal(c.Proof, proof.Select(h => h.ToString()));

            var root = TlogHash.Parse(go.TreeHashes[(int)c.Size]);
            var oldRoot = TlogHash.Parse(go.TreeHashes[(int)c.N]);
            Assert.True(TreeProof.Check(proof, c.Size, root, c.N, oldRoot), $"tree#{c.Size} extends tree#{c.N}");
            Assert.False(TreeProof.Check(proof, c.Size, root, c.N, Flip(oldRoot)));
            Assert.False(TreeProof.Check(proof, c.Size, Flip(root), c.N, oldRoot));
            Assert.False(TreeProof.Check([.. proof, root], c.Size, root, c.N, oldRoot));
            if (proof.Count > 0)
            {
                Assert.False(TreeProof.Check([.. proof.SkipLast(1), Flip(proof[^1])], c.Size, root, c.N, oldRoot));
            }
        }
    }

    [Fact]
    public async Task Tile_paths_for_an_index_published_tiles_and_tile_data_are_tlogs()
    {
        var (go, log) = await LogAsync();

        Assert.All(go.TileForIndex, c => Assert.Equal(c.Path, Tile.ForIndex(c.Height, c.Index).Path));
        Assert.All(go.NewTiles, c => Assert.Equal(c.Paths ?? [], Tile.Published(c.Height, c.OldSize, c.NewSize).Select(t => t.Path)));
        foreach (var c in go.TileData)
        {
            var tile = Tile.Parse(c.Path);
            var hashes = await log.ReadHashesAsync(tile.StoredHashIndexes());
            Assert.Equal(c.Data, Convert.ToBase64String([.. hashes.SelectMany(h => h.ToArray())]));
        }
    }

    [Fact]
    public async Task Tile_paths_parse_exactly_when_tlog_parses_them()
    {
        var go = await GoTlogTool.GetAsync();

        Assert.Contains(go.ParseTilePath, c => !c.Valid);
        foreach (var c in go.ParseTilePath)
        {
            if (c.L > Tile.MaxLevel)
            {
                // x/mod 0.7.0 parses any level, though its Tile allows 63 at most and HashFromTile refuses more: we
                // refuse such a path at once.
                Assert.True(c.Valid);
                Assert.Null(Tile.TryParse(c.Path));
                continue;
            }

            var tile = Tile.TryParse(c.Path);
            Assert.True(c.Valid == tile is not null, $"{c.Path}: tlog says valid={c.Valid}");
            if (tile is { } t)
            {
                Assert.Equal(new Tile(c.H, c.L, c.N, c.W), t);
                Assert.Equal(c.Path, t.Path);
            }
        }
    }

    [Fact]
    public async Task The_tile_hash_reader_reads_the_tiles_the_go_client_reads_in_its_order_and_returns_the_stored_hashes()
    {
        var (go, log) = await LogAsync();

        Assert.True(go.TileReads.Count > 100);
        foreach (var c in go.TileReads)
        {
            var tiles = new InMemoryTiles(log, c.Height);
            var root = await TreeHash.ComputeAsync(c.Size, log);
            var reader = new TileHashReader(new TreeHead(c.Size, root), c.Height, tiles.FetchAsync);

            var hashes = await reader.ReadHashesAsync(c.Indexes);

            Assert.Equal(await log.ReadHashesAsync(c.Indexes), hashes);
            Assert.Equal(c.Paths, tiles.Read);
            Assert.Equal(c.Paths, reader.TilesFor(c.Indexes).Select(t => t.Path));
        }
    }

    [Fact]
    public async Task Notes_signed_with_a_key_from_a_seed_are_byte_for_byte_those_of_sumdb_note()
    {
        var go = await GoTlogTool.GetAsync();

        Assert.Equal(2, go.Notes.Count);
        foreach (var c in go.Notes)
        {
            var signer = NoteSigner.FromSeed(c.Name, Convert.FromBase64String(c.Seed));
            Assert.Equal(c.SignerKey, signer.Key);
            Assert.Equal(c.VerifierKey, signer.Verifier.Key);
            Assert.Equal(c.VerifierKey, NoteSigner.Parse(c.SignerKey).Verifier.Key);
            Assert.Equal(c.VerifierKey, NoteVerifier.Parse(c.VerifierKey).Key);

            // Ed25519 signatures are deterministic: the same key and text give sumdb/note's very bytes.
            Assert.Equal(c.Signed, SignedNote.Sign(c.Text, signer).Format());
            var head = SignedTreeHead.Open(Encoding.UTF8.GetBytes(c.Signed), NoteVerifier.Parse(c.VerifierKey));
            Assert.Equal(TreeHead.ParseText(c.Text), head.Head);
        }
    }

    private static TlogHash Flip(TlogHash hash)
    {
        var bytes = hash.ToArray();
        bytes[7] ^= 0x20;
        return TlogHash.FromBytes(bytes);
    }
}
