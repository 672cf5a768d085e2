using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace ArtifactHub.Server.Endpoints;

/// <summary>
/// What a GET or HEAD's <c>Range</c> (with its <c>If-Range</c>) selects of an answer of a known size, under RFC 9110
/// section 14: one range of bytes, the whole answer, or nothing it has.
/// </summary>
public abstract record RangeSelection
{
    private RangeSelection()
    {
    }

    /// <summary>
    /// The whole answer: no Range; several ranges, a malformed header or another unit, which RFC 9110 lets a server
    /// ignore (one range is all a download resumes with); an If-Range that does not match; or an empty answer.
    /// </summary>
    public sealed record Whole : RangeSelection
    {
        public static Whole Instance { get; } = new();
    }

    /// <summary>Bytes <paramref name="First"/> to <paramref name="Last"/>, both included and within the answer: a 206.</summary>
    public sealed record Part(long First, long Last) : RangeSelection
    {
        public long Length => Last - First + 1;
    }

    /// <summary>A range that starts at or past the end, or a suffix of no bytes: a 416.</summary>
    public sealed record Unsatisfiable : RangeSelection
    {
        public static Unsatisfiable Instance { get; } = new();
    }

    /// <param name="etag">The answer's strong ETag (quoted), which an If-Range may name.</param>
    /// <param name="lastModified">The answer's Last-Modified, which an If-Range may name (to the second, as sent).</param>
    public static RangeSelection Of(HttpRequest request, long size, string? etag, DateTimeOffset? lastModified)
    {
        var ranges = request.Headers.Range;
        if (ranges.Count == 0 || size == 0 || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return Whole.Instance;
        }

        if (ranges.Count > 1 || ParseOne(ranges[0]) is not { } range)
        {
            return Whole.Instance;
        }

        if (request.Headers.IfRange.Count > 0 && !IfRangeMatches(request.Headers.IfRange, etag, lastModified))
        {
            return Whole.Instance; // the client's copy is of another version: it gets this one whole
        }

        return range switch
        {
            (null, 0) => Unsatisfiable.Instance, // "-0": the last no bytes
            (null, long suffix) => new Part(Math.Max(0, size - suffix), size - 1),
            (long first, _) when first >= size => Unsatisfiable.Instance,
            (long first, long last) => new Part(first, Math.Min(last, size - 1)),
            (long first, null) => new Part(first, size - 1),
            _ => Whole.Instance,
        };
    }

    /// <summary>
    /// The one range of <c>bytes=first-last</c>, <c>bytes=first-</c> or <c>bytes=-suffix</c> (First null, Last the
    /// suffix length); null for anything else, several ranges included.
    /// </summary>
    private static (long? First, long? Last)? ParseOne(string? header)
    {
        var equals = header?.IndexOf('=') ?? -1;
        if (equals < 0 || !header![..equals].Equals("bytes", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // A list may have empty elements and spaces around its commas (RFC 9110, section 5.6.1).
        var specs = header[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var dash = specs.Length == 1 ? specs[0].IndexOf('-') : -1;
        if (dash < 0)
        {
            return null;
        }

        var (firstText, lastText) = (specs[0][..dash], specs[0][(dash + 1)..]);
        if (firstText.Length == 0)
        {
            return Number(lastText) is { } suffix ? (null, suffix) : null;
        }

        if (Number(firstText) is not { } first)
        {
            return null;
        }

        if (lastText.Length == 0)
        {
            return (first, null);
        }

        // A last byte before the first makes the range invalid, and the header one to ignore.
        return Number(lastText) is { } last && last >= first ? (first, last) : null;
    }

    /// <summary>Digits only (no sign, no spaces) that fit a long; else null.</summary>
    private static long? Number(string digits) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// Whether If-Range names this answer: a strong ETag equal to it (a weak one never matches), or an HTTP date equal to
    /// its Last-Modified (RFC 9110, section 13.1.5).
    /// </summary>
    private static bool IfRangeMatches(Microsoft.Extensions.Primitives.StringValues ifRange, string? etag, DateTimeOffset? lastModified)
    {
        if (ifRange.Count != 1 || ifRange[0]?.Trim() is not { Length: > 0 } validator)
        {
            return false;
        }

        if (validator.StartsWith('"') || validator.StartsWith("W/", StringComparison.Ordinal))
        {
            return etag is not null && validator == etag;
        }

        return lastModified is { } modified
            && HeaderUtilities.TryParseDate(validator, out var date)
            && date == modified.AddTicks(-(modified.UtcTicks % TimeSpan.TicksPerSecond)); // as sent: whole seconds
    }
}
