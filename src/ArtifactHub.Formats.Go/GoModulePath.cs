using System.Text;

namespace ArtifactHub.Formats.Go;

/// <summary>
/// Module and file path rules of golang.org/x/mod/module: CheckPath, CheckFilePath, the major-version suffix,
/// and the case encoding used in proxy URLs (every upper-case letter becomes "!" + lower case).
/// </summary>
public static class GoModulePath
{
    private static readonly string[] WindowsReservedNames =
    [
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    private enum Kind
    {
        Module,
        File,
    }

    /// <summary>Why a module path is invalid, or null when it is valid.</summary>
    public static string? CheckPath(string path)
    {
        var error = CheckElements(path, Kind.Module);
        if (error is not null)
        {
            return $"malformed module path \"{path}\": {error}";
        }

        var first = path.Split('/')[0];
        if (!first.Contains('.'))
        {
            return $"malformed module path \"{path}\": missing dot in first path element";
        }

        if (path[0] == '-')
        {
            return $"malformed module path \"{path}\": leading dash in first path element";
        }

        foreach (var c in first)
        {
            if (!(c == '-' || c == '.' || char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)))
            {
                return $"malformed module path \"{path}\": invalid char '{c}' in first path element";
            }
        }

        return SplitPathVersion(path) is null ? $"malformed module path \"{path}\": invalid version suffix" : null;
    }

    /// <summary>Why a file path inside a module is invalid, or null when it is valid.</summary>
    public static string? CheckFilePath(string path)
    {
        var error = CheckElements(path, Kind.File);
        return error is null ? null : $"malformed file path \"{path}\": {error}";
    }

    /// <summary>Splits "example.com/m/v2" into ("example.com/m", "/v2"); gopkg.in paths into ".vN". Null when the suffix is malformed.</summary>
    public static (string Prefix, string PathMajor)? SplitPathVersion(string path)
    {
        if (path.StartsWith("gopkg.in/", StringComparison.Ordinal))
        {
            return SplitGopkgIn(path);
        }

        var i = path.Length;
        var dot = false;
        while (i > 0 && (char.IsAsciiDigit(path[i - 1]) || path[i - 1] == '.'))
        {
            dot |= path[i - 1] == '.';
            i--;
        }

        if (i <= 1 || i == path.Length || path[i - 1] != 'v' || path[i - 2] != '/')
        {
            return (path, "");
        }

        var pathMajor = path[(i - 2)..];
        if (dot || pathMajor.Length <= 2 || pathMajor[2] == '0' || pathMajor == "/v1")
        {
            return null;
        }

        return (path[..(i - 2)], pathMajor);
    }

    /// <summary>Checks a module path and a version together (module.Check): the version's major must match the path's suffix.</summary>
    public static string? CheckVersion(string path, string version)
    {
        if (!GoSemver.IsValid(version))
        {
            return $"invalid version \"{version}\": not a semantic version";
        }

        if (!GoVersion.IsCanonical(version))
        {
            return $"invalid version \"{version}\": not canonical (should be \"{GoVersion.Canonical(version)}\")";
        }

        if (SplitPathVersion(path) is not { } split)
        {
            return $"malformed module path \"{path}\": invalid version suffix";
        }

        var pathMajor = split.PathMajor;
        if (pathMajor.StartsWith(".v", StringComparison.Ordinal) && pathMajor.EndsWith("-unstable", StringComparison.Ordinal))
        {
            pathMajor = pathMajor[..^"-unstable".Length];
        }

        if (version.StartsWith("v0.0.0-", StringComparison.Ordinal) && pathMajor == ".v1")
        {
            return null; // old pseudo-versions of gopkg.in .v1 modules, accepted by x/mod
        }

        var major = GoSemver.Major(version);
        var incompatible = GoSemver.Build(version) == "+incompatible";
        if (pathMajor == "")
        {
            if (major is "v0" or "v1")
            {
                return incompatible ? $"invalid version \"{version}\": +incompatible is only for major versions 2 and above" : null;
            }

            return incompatible ? null : $"invalid version \"{version}\": should be v0 or v1, not {major} (a {major} module path ends in /{major})";
        }

        if (incompatible)
        {
            return $"invalid version \"{version}\": +incompatible is not allowed with a major version suffix";
        }

        return major == pathMajor[1..] ? null : $"invalid version \"{version}\": should be {pathMajor[1..]}, not {major}";
    }

    /// <summary>Case-encodes a module path or version for a URL.</summary>
    public static string Escape(string path)
    {
        var sb = new StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                sb.Append('!').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Decodes a case-encoded path; null when it has an upper-case letter, a bad "!" escape or a non-ASCII character.</summary>
    public static string? Unescape(string escaped)
    {
        var sb = new StringBuilder(escaped.Length);
        var bang = false;
        foreach (var c in escaped)
        {
            if (c >= 0x80 || char.IsAsciiLetterUpper(c))
            {
                return null;
            }

            if (bang)
            {
                bang = false;
                if (!char.IsAsciiLetterLower(c))
                {
                    return null;
                }

                sb.Append(char.ToUpperInvariant(c));
            }
            else if (c == '!')
            {
                bang = true;
            }
            else
            {
                sb.Append(c);
            }
        }

        return bang ? null : sb.ToString();
    }

    private static (string Prefix, string PathMajor)? SplitGopkgIn(string path)
    {
        var i = path.Length;
        if (path.EndsWith("-unstable", StringComparison.Ordinal))
        {
            i -= "-unstable".Length;
        }

        while (i > 0 && char.IsAsciiDigit(path[i - 1]))
        {
            i--;
        }

        if (i <= 1 || path[i - 1] != 'v' || path[i - 2] != '.')
        {
            return null;
        }

        var pathMajor = path[(i - 2)..];
        if (pathMajor.Length <= 2 || (pathMajor[2] == '0' && pathMajor != ".v0"))
        {
            return null;
        }

        return (path[..(i - 2)], pathMajor);
    }

    private static string? CheckElements(string path, Kind kind)
    {
        if (path == "") return "empty string";
        if (path[0] == '-' && kind != Kind.File) return "leading dash";
        if (path.Contains("//", StringComparison.Ordinal)) return "double slash";
        if (path[^1] == '/') return "trailing slash";
        if (path[0] == '/') return "leading slash";
        foreach (var elem in path.Split('/'))
        {
            if (CheckElement(elem, kind) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static string? CheckElement(string elem, Kind kind)
    {
        if (elem == "") return "empty path element";
        if (elem.All(c => c == '.')) return $"invalid path element \"{elem}\"";
        if (elem[0] == '.' && kind == Kind.Module) return "leading dot in path element";
        if (elem[^1] == '.') return "trailing dot in path element";
        foreach (var rune in elem.EnumerateRunes())
        {
            if (!(kind == Kind.Module ? ModulePathCharOk(rune) : FileNameCharOk(rune)))
            {
                return $"invalid char '{rune}'";
            }
        }

        var dot = elem.IndexOf('.');
        var shortName = dot >= 0 ? elem[..dot] : elem;
        if (WindowsReservedNames.Any(bad => string.Equals(bad, shortName, StringComparison.OrdinalIgnoreCase)))
        {
            return $"\"{shortName}\" disallowed as path element component on Windows";
        }

        if (kind == Kind.Module)
        {
            var tilde = shortName.LastIndexOf('~');
            if (tilde >= 0 && tilde < shortName.Length - 1 && shortName[(tilde + 1)..].All(char.IsAsciiDigit))
            {
                return "trailing tilde and digits in path element";
            }
        }

        return null;
    }

    private static bool ModulePathCharOk(Rune r) =>
        r.Value < 0x80 && (r.Value is '-' or '.' or '_' or '~' || char.IsAsciiLetterOrDigit((char)r.Value));

    private static bool FileNameCharOk(Rune r)
    {
        if (r.Value < 0x80)
        {
            var c = (char)r.Value;
            return char.IsAsciiLetterOrDigit(c) || "!#$%&()+,-.=@[]^_{}~ ".Contains(c);
        }

        return Rune.IsLetter(r);
    }
}
