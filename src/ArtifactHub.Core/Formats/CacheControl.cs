namespace ArtifactHub.Core.Formats;

/// <summary>The Cache-Control values content answers carry.</summary>
public static class CacheControl
{
    /// <summary>Content that never changes once served (a Go .zip, a raw file kept forever).</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Content that may change (a version list, a refreshed file): revalidate every time (it carries an ETag).</summary>
    public const string Revalidate = "no-cache";
}
