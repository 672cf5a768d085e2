namespace ArtifactHub.Core;

/// <summary>
/// GOPRIVATE-style matching (module.MatchPrefixPatterns), for every format's allow/block rules: a glob matches a path
/// when it matches the path's leading elements, as many as the glob has. "*.corp.example.com" matches
/// "git.corp.example.com/x/y"; "internal" matches "internal/tools/x.tar.gz". Globs use * and ? (path.Match without
/// character classes), neither of which crosses a slash, so each glob element is matched against one path element,
/// case-sensitively and in linear time (<see cref="Glob"/>).
/// </summary>
public static class PathPatterns
{
    public static bool MatchesAny(IEnumerable<string> globs, string path) =>
        globs.Select(g => g.Trim().TrimEnd('/')).Where(g => g != "").Any(g => MatchesPrefix(g, path));

    private static bool MatchesPrefix(string glob, string target)
    {
        var patterns = glob.Split('/');
        var elements = target.Split('/');
        if (elements.Length < patterns.Length)
        {
            return false;
        }

        for (var i = 0; i < patterns.Length; i++)
        {
            if (!Glob.Matches(patterns[i], elements[i], ignoreCase: false))
            {
                return false;
            }
        }

        return true;
    }
}
