namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// A log kept whole in memory, as a database (or a test) builds it: <see cref="Append"/> adds a record's hashes, and
/// every stored hash can be read back.
/// </summary>
public sealed class StoredHashList : IHashReader
{
    private readonly List<TlogHash> _hashes = [];

    /// <summary>How many records were appended.</summary>
    public long Records { get; private set; }

    public IReadOnlyList<TlogHash> Hashes => _hashes;

    /// <summary>Adds a record (its text, as in a lookup answer) and returns its id.</summary>
    public long Append(ReadOnlySpan<byte> record) => AppendRecordHash(TlogHashing.RecordHash(record));

    public long AppendRecordHash(TlogHash recordHash)
    {
        var id = Records;
        var added = StoredHashes.ForRecordAsync(id, recordHash, this).AsTask().GetAwaiter().GetResult();
        _hashes.AddRange(added);
        Records++;
        return id;
    }

    public ValueTask<IReadOnlyList<TlogHash>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken = default)
    {
        var hashes = new TlogHash[indexes.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            if (indexes[i] < 0 || indexes[i] >= _hashes.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(indexes), $"stored hash {indexes[i]} is not in a log of {Records} records");
            }

            hashes[i] = _hashes[(int)indexes[i]];
        }

        return ValueTask.FromResult<IReadOnlyList<TlogHash>>(hashes);
    }
}
