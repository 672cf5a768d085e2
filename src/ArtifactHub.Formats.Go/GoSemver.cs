namespace ArtifactHub.Formats.Go;

/// <summary>Semantic versions as Go reads them (golang.org/x/mod/semver): a "v" prefix, shorthands v1 and v1.2 allowed.</summary>
public static class GoSemver
{
    private sealed record Parsed(string Major, string Minor, string Patch, string Short, string Prerelease, string Build);

    public static bool IsValid(string? v) => Parse(v) is not null;

    /// <summary>vMAJOR.MINOR.PATCH[-PRERELEASE], build metadata dropped; empty when invalid.</summary>
    public static string Canonical(string v)
    {
        var p = Parse(v);
        if (p is null)
        {
            return "";
        }

        return p.Build != "" ? v[..^p.Build.Length] : p.Short != "" ? v + p.Short : v;
    }

    public static string Major(string v) => Parse(v) is { } p ? "v" + p.Major : "";

    public static string Prerelease(string v) => Parse(v)?.Prerelease ?? "";

    public static string Build(string v) => Parse(v)?.Build ?? "";

    /// <summary>Orders valid versions; an invalid version sorts before every valid one (as in x/mod).</summary>
    public static int Compare(string v, string w)
    {
        var pv = Parse(v);
        var pw = Parse(w);
        if (pv is null || pw is null)
        {
            return pv is null && pw is null ? 0 : pv is null ? -1 : 1;
        }

        var c = CompareInt(pv.Major, pw.Major);
        if (c == 0) c = CompareInt(pv.Minor, pw.Minor);
        if (c == 0) c = CompareInt(pv.Patch, pw.Patch);
        if (c == 0) c = ComparePrerelease(pv.Prerelease, pw.Prerelease);
        return c;
    }

    public static readonly IComparer<string> Comparer = Comparer<string>.Create(Compare);

    private static Parsed? Parse(string? v)
    {
        if (string.IsNullOrEmpty(v) || v[0] != 'v')
        {
            return null;
        }

        var rest = v.AsSpan(1);
        if (!TakeInt(ref rest, out var major)) return null;
        if (rest.IsEmpty) return new Parsed(major, "0", "0", ".0.0", "", "");
        if (rest[0] != '.') return null;
        rest = rest[1..];
        if (!TakeInt(ref rest, out var minor)) return null;
        if (rest.IsEmpty) return new Parsed(major, minor, "0", ".0", "", "");
        if (rest[0] != '.') return null;
        rest = rest[1..];
        if (!TakeInt(ref rest, out var patch)) return null;

        var prerelease = "";
        if (!rest.IsEmpty && rest[0] == '-')
        {
            var end = rest.IndexOf('+');
            var candidate = end < 0 ? rest : rest[..end];
            if (!IsIdentifierList(candidate[1..], numericNoLeadingZero: true)) return null;
            prerelease = candidate.ToString();
            rest = rest[candidate.Length..];
        }

        var build = "";
        if (!rest.IsEmpty && rest[0] == '+')
        {
            if (!IsIdentifierList(rest[1..], numericNoLeadingZero: false)) return null;
            build = rest.ToString();
            rest = [];
        }

        return rest.IsEmpty ? new Parsed(major, minor, patch, "", prerelease, build) : null;
    }

    private static bool TakeInt(ref ReadOnlySpan<char> s, out string value)
    {
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        value = s[..i].ToString();
        if (i == 0 || (s[0] == '0' && i != 1))
        {
            return false;
        }

        s = s[i..];
        return true;
    }

    private static bool IsIdentifierList(ReadOnlySpan<char> list, bool numericNoLeadingZero)
    {
        foreach (var range in list.Split('.'))
        {
            var id = list[range];
            if (id.IsEmpty) return false;
            foreach (var c in id)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-') return false;
            }

            if (numericNoLeadingZero && IsNumeric(id) && id.Length > 1 && id[0] == '0') return false;
        }

        return true;
    }

    private static bool IsNumeric(ReadOnlySpan<char> id)
    {
        foreach (var c in id)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return true;
    }

    private static int CompareInt(string x, string y) =>
        x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);

    private static int ComparePrerelease(string x, string y)
    {
        if (x == y) return 0;
        if (x == "") return 1;
        if (y == "") return -1;
        var xs = x[1..].Split('.');
        var ys = y[1..].Split('.');
        for (var i = 0; i < Math.Min(xs.Length, ys.Length); i++)
        {
            if (xs[i] == ys[i]) continue;
            var xn = IsNumeric(xs[i]);
            var yn = IsNumeric(ys[i]);
            if (xn != yn) return xn ? -1 : 1;
            return xn ? CompareInt(xs[i], ys[i]) : string.CompareOrdinal(xs[i], ys[i]) < 0 ? -1 : 1;
        }

        return xs.Length.CompareTo(ys.Length);
    }
}
