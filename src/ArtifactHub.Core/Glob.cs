namespace ArtifactHub.Core;

/// <summary>
/// Globs of <c>*</c> (any run of characters, none included) and <c>?</c> (one character); every other character
/// stands for itself. A greedy walk that backtracks only to the last <c>*</c>: at most pattern × text steps, so no
/// pattern (<c>*a*a*a…b</c>) can make a match slow.
/// </summary>
public static class Glob
{
    /// <summary>Whether <paramref name="pattern"/> matches the whole of <paramref name="text"/>.</summary>
    /// <param name="ignoreCase">Compare characters with <see cref="char.ToLowerInvariant"/>.</param>
    public static bool Matches(string pattern, string text, bool ignoreCase)
    {
        int p = 0, t = 0, star = -1, afterStar = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                // Let the star match nothing at first.
                star = p++;
                afterStar = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], text[t], ignoreCase)))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                // Let the last star take one more character and try again from there.
                p = star + 1;
                t = ++afterStar;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
}
