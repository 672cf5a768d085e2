using ArtifactHub.Core.Formats;

namespace ArtifactHub.Formats.Go;

public enum GoRequestKind
{
    List,
    Latest,
    Info,
    Mod,
    Zip,

    /// <summary><c>$module/@v/$version</c> with no extension: the version itself (DELETE).</summary>
    Version,
}

/// <summary>A parsed GOPROXY request path: module (decoded), what is asked for, and the version (decoded) when there is one.</summary>
public sealed record GoRequestPath(string Module, GoRequestKind Kind, string? Version)
{
    /// <summary>The asset kind of what this request asks for (<see cref="GoContent"/>).</summary>
    public string AssetKind => Kind switch
    {
        GoRequestKind.List => GoContent.ListKind,
        GoRequestKind.Latest => GoContent.LatestKind,
        GoRequestKind.Mod => GoContent.ModKind,
        GoRequestKind.Zip => GoContent.ZipKind,
        _ => GoContent.InfoKind,
    };

    /// <summary>.mod, .zip and the .info of a canonical version never change; list, @latest and queries (<c>master.info</c>) do.</summary>
    public bool IsImmutable => Kind is GoRequestKind.Mod or GoRequestKind.Zip || (Kind == GoRequestKind.Info && GoVersion.IsCanonical(Version!));

    /// <summary>The decoded path an asset of this request is stored under.</summary>
    public string AssetPath => Kind switch
    {
        GoRequestKind.List => $"{Module}/@v/list",
        GoRequestKind.Latest => $"{Module}/@latest",
        GoRequestKind.Version => $"{Module}/@v/{Version}",
        _ => AssetPathOf(Module, Version!, Kind),
    };

    /// <summary>Where the .info, .mod or .zip of a version is stored: its URL, decoded.</summary>
    public static string AssetPathOf(string module, string version, GoRequestKind kind) =>
        $"{module}/@v/{version}.{new GoRequestPath(module, kind, version).AssetKind}";

    /// <summary>Parses a request path, or says what to answer when it is not one: 400 (malformed) or 404 (not a protocol path).</summary>
    public static GoRequestPath? ParseOrAnswer(string path, out ContentResponse? answer)
    {
        var (parsed, notFound, invalid) = Parse(path);
        answer = parsed is not null ? null : invalid is not null ? ContentResponse.BadRequest(invalid) : ContentResponse.NotFound(notFound!);
        return parsed;
    }

    /// <summary>Parses <c>$module/@v/list</c>, <c>$module/@v/$version.(info|mod|zip)</c>, <c>$module/@latest</c>, <c>$module/@v/$version</c>.</summary>
    /// <returns>The path, or an error: <c>NotFound</c> for a path outside the protocol, <c>Invalid</c> for a bad encoding or module path.</returns>
    public static (GoRequestPath? Path, string? NotFound, string? Invalid) Parse(string path)
    {
        string escapedModule;
        GoRequestKind kind;
        string? escapedVersion = null;
        var at = path.LastIndexOf("/@v/", StringComparison.Ordinal);
        if (at > 0)
        {
            escapedModule = path[..at];
            var file = path[(at + 4)..];
            if (file == "list")
            {
                kind = GoRequestKind.List;
            }
            else
            {
                var dot = file.LastIndexOf('.');
                var ext = dot > 0 ? file[(dot + 1)..] : "";
                (kind, escapedVersion) = ext switch
                {
                    "info" => (GoRequestKind.Info, file[..dot]),
                    "mod" => (GoRequestKind.Mod, file[..dot]),
                    "zip" => (GoRequestKind.Zip, file[..dot]),
                    _ => (GoRequestKind.Version, file),
                };
                if (escapedVersion == "" || escapedVersion.Contains('/'))
                {
                    return (null, $"not found: {path}", null);
                }
            }
        }
        else if (path.EndsWith("/@latest", StringComparison.Ordinal) && path.Length > "/@latest".Length)
        {
            escapedModule = path[..^"/@latest".Length];
            kind = GoRequestKind.Latest;
        }
        else
        {
            return (null, $"not found: {path} is not a module proxy path", null);
        }

        var module = GoModulePath.Unescape(escapedModule);
        if (module is null)
        {
            return (null, null, $"invalid escaped module path \"{escapedModule}\": upper-case letters are written as '!' and the lower-case letter");
        }

        if (GoModulePath.CheckPath(module) is { } pathError)
        {
            return (null, null, pathError);
        }

        string? version = null;
        if (escapedVersion is not null)
        {
            version = GoModulePath.Unescape(escapedVersion);
            if (version is null)
            {
                return (null, null, $"invalid escaped version \"{escapedVersion}\"");
            }
        }

        return (new GoRequestPath(module, kind, version), null, null);
    }
}
