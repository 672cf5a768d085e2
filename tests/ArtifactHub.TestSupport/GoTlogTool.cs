using System.Text.Json;

namespace ArtifactHub.TestSupport;

/// <summary>
/// Reference values computed by golang.org/x/mod's sumdb/tlog and sumdb/note themselves: runs gotlog/main.go (built
/// by <see cref="GoProgram"/>) once per test run. Every value comes with the inputs it was computed from.
/// </summary>
public static class GoTlogTool
{
    private static readonly Lazy<Task<GoTlogReference>> Reference = new(LoadAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<GoTlogReference> GetAsync() => Reference.Value;

    private static async Task<GoTlogReference> LoadAsync()
    {
        var binary = await GoProgram.BuildAsync("gotlog").ConfigureAwait(false);
        var result = await ProcessRunner.RunAsync(binary, workDir: null, env: null, GoTool.DefaultTimeout, CancellationToken.None).ConfigureAwait(false);
        return JsonSerializer.Deserialize<GoTlogReference>(result.EnsureSuccess().StdOut, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("gotlog printed null");
    }
}

/// <summary>What gotlog/main.go prints (see its types for what each list holds).</summary>
public sealed record GoTlogReference(
    IReadOnlyList<string> Records,
    IReadOnlyList<string> RecordHashes,
    string NodeHashOf01,
    IReadOnlyList<GoTlogReference.IndexCase> StoredHashIndex,
    IReadOnlyList<GoTlogReference.CountCase> StoredHashCount,
    IReadOnlyList<string> StoredHashes,
    IReadOnlyList<string> TreeHashes,
    IReadOnlyList<string> TreeTexts,
    IReadOnlyList<GoTlogReference.ProofCase> RecordProofs,
    IReadOnlyList<GoTlogReference.ProofCase> TreeProofs,
    IReadOnlyList<GoTlogReference.TileCase> TileForIndex,
    IReadOnlyList<GoTlogReference.NewTilesCase> NewTiles,
    IReadOnlyList<GoTlogReference.ParseCase> ParseTilePath,
    IReadOnlyList<GoTlogReference.TileDataCase> TileData,
    IReadOnlyList<GoTlogReference.TileReadsCase> TileReads,
    IReadOnlyList<GoTlogReference.NoteCase> Notes)
{
    /// <summary>tlog.StoredHashIndex(Level, N) == Index.</summary>
    public sealed record IndexCase(int Level, long N, long Index);

    /// <summary>tlog.StoredHashCount(N) == Count.</summary>
    public sealed record CountCase(long N, long Count);

    /// <summary>tlog.ProveRecord(Size, N) or tlog.ProveTree(Size, N) over the reference log, in base64.</summary>
    public sealed record ProofCase(long Size, long N, IReadOnlyList<string> Proof);

    /// <summary>tlog.TileForIndex(Height, Index).Path() == Path.</summary>
    public sealed record TileCase(int Height, long Index, string Path);

    /// <summary>The paths of tlog.NewTiles(Height, OldSize, NewSize).</summary>
    public sealed record NewTilesCase(int Height, long OldSize, long NewSize, IReadOnlyList<string>? Paths);

    /// <summary>tlog.ParseTilePath(Path): whether it parsed, and to what.</summary>
    public sealed record ParseCase(string Path, bool Valid, int H, int L, long N, int W);

    /// <summary>tlog.ReadTileData of the tile at Path over the reference log, in base64.</summary>
    public sealed record TileDataCase(string Path, string Data);

    /// <summary>The tiles tlog.TileHashReader(tree of Size, Height) reads, in order, to return the hashes at Indexes (what the go client downloads).</summary>
    public sealed record TileReadsCase(int Height, long Size, IReadOnlyList<long> Indexes, IReadOnlyList<string> Paths);

    /// <summary>note.GenerateKey(seed bytes, Name), and note.Sign of Text with that key.</summary>
    public sealed record NoteCase(string Name, string Seed, string SignerKey, string VerifierKey, string Text, string Signed);
}
