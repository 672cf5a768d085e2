using System.Text;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// Verifies a checksum database's answers as the go command's client does (golang.org/x/mod/sumdb/client.go), reading
/// through a <see cref="SumDbFetch"/> so that the database can be live or a copy on disk. A head must be signed by the
/// database's key; a head newer than the one known before must extend it (the older tree's root recomputed from the
/// newer tree's tiles, as the client's checkTrees does); a record must be the one at its id in the newest head
/// (its leaf hash read through tiles authenticated against that head, as checkRecord does). Like the client starting
/// with a kept head, it first checks that head against its own tiles. It reads the files the go command reads with an
/// empty tile cache (a test runs both side by side), and says which (<see cref="SumDbVerification.Paths"/>).
/// </summary>
public sealed class SumDbVerifier
{
    private readonly SumDbFetch _fetch;

    /// <param name="verifierKey">The database's verifier key, as in GOSUMDB; a <see cref="SumDbException"/> when malformed.</param>
    /// <param name="tileHeight">The height of the tiles to read: 8, as the go command asks sum.golang.org for.</param>
    public SumDbVerifier(string verifierKey, SumDbFetch fetch, int tileHeight = Tile.DefaultHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tileHeight, Tile.MinHeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tileHeight, Tile.MaxHeight);
        Key = NoteVerifier.Parse(verifierKey);
        TileHeight = tileHeight;
        _fetch = fetch;
    }

    public NoteVerifier Key { get; }

    public int TileHeight { get; }

    /// <summary>Opens a signed head of this database (e.g. the one kept from before); a <see cref="SumDbException"/> when it is not one.</summary>
    public SignedTreeHead OpenHead(ReadOnlySpan<byte> note) => SignedTreeHead.Open(note, Key);

    /// <summary>Reads <c>latest</c>, checks its signature and, given the newest head known before, that the two are one log.</summary>
    public Task<SumDbVerification> VerifyLatestAsync(SignedTreeHead? known = null, CancellationToken cancellationToken = default) =>
        RunAsync(async (reads, paths) =>
        {
            await CheckKnownAsync(known, reads, cancellationToken).ConfigureAwait(false);
            var head = OpenHead(await FetchAsync("latest", paths, cancellationToken).ConfigureAwait(false));
            var newest = await MergeAsync(known, head, reads, cancellationToken).ConfigureAwait(false);
            return Verified($"{head} is signed by {Key.Name}" + Extends(known, newest), head, newest);
        });

    /// <summary>
    /// Looks <paramref name="module"/>@<paramref name="version"/> up: checks the signature of the head in the answer,
    /// that it and <paramref name="known"/> are one log, and that the record is in the newest of the two.
    /// </summary>
    public Task<SumDbVerification> VerifyLookupAsync(string module, string version, SignedTreeHead? known = null, CancellationToken cancellationToken = default)
    {
        if (GoModulePath.CheckPath(module) is { } badPath)
        {
            throw new ArgumentException(badPath, nameof(module));
        }

        if (!GoVersion.IsCanonical(version))
        {
            throw new ArgumentException($"\"{version}\" is not a canonical module version", nameof(version));
        }

        return RunAsync(async (reads, paths) =>
        {
            await CheckKnownAsync(known, reads, cancellationToken).ConfigureAwait(false);
            var path = $"lookup/{GoModulePath.Escape(module)}@{GoModulePath.Escape(version)}";
            var answer = LookupAnswer.Parse(await FetchAsync(path, paths, cancellationToken).ConfigureAwait(false));
            var head = OpenHead(answer.SignedHead);
            var newest = await MergeAsync(known, head, reads, cancellationToken).ConfigureAwait(false);
            await CheckRecordAsync(newest, answer.Id, answer.Record, reads, cancellationToken).ConfigureAwait(false);

            var record = GoSumRecord.Parse(Encoding.UTF8.GetString(answer.Record));
            if (record.Module != module || record.Version != version)
            {
                throw new SumDbException(SumDbProblem.WrongRecord, $"the answer for {module}@{version} is record {answer.Id}, for {record.Module}@{record.Version}");
            }

            return Verified($"{module}@{version} is record {answer.Id} of {newest}" + Extends(known, newest), head, newest) with { RecordId = answer.Id, Record = record };
        });
    }

    /// <summary>Whether <paramref name="record"/> is record <paramref name="id"/> of <paramref name="head"/>, through the database's tiles.</summary>
    public Task<SumDbVerification> VerifyRecordAsync(SignedTreeHead head, long id, ReadOnlyMemory<byte> record, CancellationToken cancellationToken = default) =>
        RunAsync(async (reads, _) =>
        {
            await CheckRecordAsync(head, id, record, reads, cancellationToken).ConfigureAwait(false);
            return Verified($"record {id} is in {head}", head, head) with { RecordId = id };
        });

    /// <summary>
    /// The go client, starting with a head kept from before, checks that head against its own tiles (client.go's
    /// initWork merges the kept head into an empty timeline, then re-reads its config and checks it against itself):
    /// with no tiles cached, it reads the tiles of the known tree before anything else. So does this, so that
    /// <see cref="SumDbVerification.Paths"/> holds them too, and a copy missing or spoiling them fails here as it would
    /// for the go command.
    /// </summary>
    private async Task CheckKnownAsync(SignedTreeHead? known, SumDbTileReads reads, CancellationToken cancellationToken)
    {
        if (known is null)
        {
            return;
        }

        var root = await TreeHash.ComputeAsync(known.Size, new TileHashReader(known.Head, TileHeight, reads.ReadAsync), cancellationToken).ConfigureAwait(false);
        if (root != known.Root)
        {
            // Unreachable with honest math: the reader only returns hashes that fold to the root.
            throw new SumDbException(SumDbProblem.TileHashMismatch, $"the tiles of {known} do not hash to its root");
        }
    }

    /// <summary>The newer of the two heads, once it is proven to extend the older (client.go's mergeLatest and checkTrees).</summary>
    private async Task<SignedTreeHead> MergeAsync(SignedTreeHead? known, SignedTreeHead head, SumDbTileReads reads, CancellationToken cancellationToken)
    {
        if (known is null)
        {
            return head;
        }

        var (older, newer) = known.Size <= head.Size ? (known, head) : (head, known);
        var tiles = new TileHashReader(newer.Head, TileHeight, reads.ReadAsync);
        var root = await TreeHash.ComputeAsync(older.Size, tiles, cancellationToken).ConfigureAwait(false);
        if (root != older.Root)
        {
            throw new SumDbException(
                SumDbProblem.InconsistentTrees,
                $"{newer} does not extend {older}: its first {older.Size} records hash to {root}; the database forked its log");
        }

        return newer;
    }

    /// <summary>client.go's checkRecord: the record's leaf hash, read through tiles authenticated against the head.</summary>
    private async Task CheckRecordAsync(SignedTreeHead head, long id, ReadOnlyMemory<byte> record, SumDbTileReads reads, CancellationToken cancellationToken)
    {
        if (id < 0 || id >= head.Size)
        {
            throw new SumDbException(SumDbProblem.RecordNotInTree, $"record {id} cannot be in {head}, which has {head.Size} records");
        }

        var tiles = new TileHashReader(head.Head, TileHeight, reads.ReadAsync);
        var leaf = (await tiles.ReadHashesAsync([StoredHashes.Index(0, id)], cancellationToken).ConfigureAwait(false))[0];
        var hash = TlogHashing.RecordHash(record.Span);
        if (leaf != hash)
        {
            throw new SumDbException(SumDbProblem.RecordNotInTree, $"record {id} is not the one in {head}: it hashes to {hash}, the tree holds {leaf}");
        }
    }

    private async Task<byte[]> FetchAsync(string path, List<string> paths, CancellationToken cancellationToken)
    {
        var data = await _fetch(path, cancellationToken).ConfigureAwait(false)
            ?? throw new SumDbException(SumDbProblem.NotFound, $"{Key.Name} has no {path}");
        lock (paths)
        {
            paths.Add(path);
        }

        return data;
    }

    private async Task<SumDbVerification> RunAsync(Func<SumDbTileReads, List<string>, Task<SumDbVerification>> verify)
    {
        // One list, in the order read: the tiles (through the reads) and the other files (through FetchAsync).
        var paths = new List<string>();
        var reads = new SumDbTileReads(async (path, cancellationToken) =>
        {
            var data = await _fetch(path, cancellationToken).ConfigureAwait(false);
            if (data is not null)
            {
                lock (paths)
                {
                    paths.Add(path);
                }
            }

            return data;
        });
        try
        {
            var verified = await verify(reads, paths).ConfigureAwait(false);
            return verified with { Paths = [.. paths] };
        }
        catch (SumDbException e)
        {
            return new SumDbVerification { Problem = e.Problem, Message = e.Message, Paths = [.. paths] };
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException)
        {
            return new SumDbVerification { Problem = SumDbProblem.FetchFailed, Message = $"reading {Key.Name}: {e.Message}", Paths = [.. paths] };
        }
    }

    private static SumDbVerification Verified(string message, SignedTreeHead head, SignedTreeHead newest) =>
        new() { Message = message, Head = head, Newest = newest };

    private static string Extends(SignedTreeHead? known, SignedTreeHead newest) =>
        known is null ? "" : known.Size <= newest.Size && newest != known ? $", which extends {known}" : $", and is in {newest}";
}
