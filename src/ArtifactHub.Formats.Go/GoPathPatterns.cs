namespace ArtifactHub.Formats.Go;

/// <summary>
/// GOPRIVATE-style matching (module.MatchPrefixPatterns): a glob matches a module path when it matches the
/// path's leading elements, as many as the glob has. "*.corp.example.com" matches "git.corp.example.com/x/y".
/// Globs use * and ? (path.Match without character classes).
/// </summary>
public static class GoPathPatterns
{
    public static bool MatchesAny(IEnumerable<string> globs, string modulePath) =>
        globs.Select(g => g.Trim().TrimEnd('/')).Where(g => g != "").Any(g => MatchesPrefix(g, modulePath));

    private static bool MatchesPrefix(string glob, string target)
    {
        var n = glob.Count(c => c == '/') + 1;
        var elements = target.Split('/');
        if (elements.Length < n)
        {
            return false;
        }

        return Match(glob, string.Join('/', elements.Take(n)));
    }

    /// <summary>path.Match for * (any run of non-slash characters) and ? (one non-slash character).</summary>
    private static bool Match(string pattern, string name)
    {
        if (pattern.Length == 0)
        {
            return name.Length == 0;
        }

        return pattern[0] switch
        {
            '*' => Enumerable.Range(0, name.Length + 1)
                .TakeWhile(i => i == 0 || name[i - 1] != '/')
                .Any(i => Match(pattern[1..], name[i..])),
            '?' => name.Length > 0 && name[0] != '/' && Match(pattern[1..], name[1..]),
            _ => name.Length > 0 && name[0] == pattern[0] && Match(pattern[1..], name[1..]),
        };
    }
}
