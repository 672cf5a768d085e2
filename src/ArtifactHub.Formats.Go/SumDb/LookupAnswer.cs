using System.Globalization;
using System.Text;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>
/// What <c>lookup/M@V</c> answers (tlog's FormatRecord and ParseRecord, then the server's signed head): the record's id
/// on a line, the record's text, a blank line, and a signed tree head.
/// </summary>
/// <param name="Record">The record's text: UTF-8 lines, each ending in "\n", none blank, no other control character.</param>
/// <param name="SignedHead">The signed tree head note that follows, not yet opened.</param>
public sealed record LookupAnswer(long Id, byte[] Record, byte[] SignedHead)
{
    /// <summary>Splits a lookup answer; a <see cref="SumDbException"/> (<see cref="SumDbProblem.MalformedRecord"/>) says what is wrong.</summary>
    public static LookupAnswer Parse(ReadOnlySpan<byte> answer)
    {
        var newline = answer.IndexOf((byte)'\n');
        if (newline < 0)
        {
            throw Malformed("no record id line");
        }

        var idText = Encoding.ASCII.GetString(answer[..newline]);
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || idText != id.ToString(CultureInfo.InvariantCulture))
        {
            throw Malformed($"the record id \"{idText}\" is not a decimal number");
        }

        var rest = answer[(newline + 1)..];
        var blank = rest.IndexOf("\n\n"u8);
        if (blank < 0)
        {
            throw Malformed("the record does not end in a blank line");
        }

        var record = rest[..(blank + 1)];
        if (CheckRecordText(record) is { } bad)
        {
            throw Malformed(bad);
        }

        return new LookupAnswer(id, record.ToArray(), rest[(blank + 2)..].ToArray());
    }

    /// <summary>The record as a lookup answer or a data tile writes it: <c>id\nrecord\n</c>.</summary>
    public static byte[] FormatRecord(long id, ReadOnlySpan<byte> record)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if (CheckRecordText(record) is { } bad)
        {
            throw Malformed(bad);
        }

        return [.. Encoding.ASCII.GetBytes(id.ToString(CultureInfo.InvariantCulture) + "\n"), .. record, (byte)'\n'];
    }

    /// <summary>The answer's bytes, as a database serves them.</summary>
    public byte[] Format() => [.. FormatRecord(Id, Record), .. SignedHead];

    /// <summary>Null when <paramref name="record"/> is valid record text (tlog's isValidRecordText), else why not.</summary>
    public static string? CheckRecordText(ReadOnlySpan<byte> record)
    {
        if (record.IsEmpty || record[^1] != (byte)'\n')
        {
            return "the record text does not end in a newline";
        }

        if (record.IndexOf("\n\n"u8) >= 0)
        {
            return "the record text has a blank line";
        }

        return NoteText.Check(record) is { } bad ? "the record text has a " + bad : null;
    }

    private static SumDbException Malformed(string why) => new(SumDbProblem.MalformedRecord, "malformed record: " + why);
}
