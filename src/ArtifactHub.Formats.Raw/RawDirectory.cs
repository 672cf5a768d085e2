using System.Net;
using System.Text;
using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;

namespace ArtifactHub.Formats.Raw;

/// <summary>One entry of a directory: a file with what is known of it, or a directory (whose path ends in '/').</summary>
public sealed record RawEntry(string Name, string Path, string Type, long? Size = null, string? Sha256 = null, string? ContentType = null, DateTimeOffset? CreatedAt = null);

/// <summary>A directory's entries, directories first, then files, each by name; as the content URL and the browse API answer it.</summary>
public sealed record RawDirectory(string Path, IReadOnlyList<RawEntry> Entries)
{
    /// <summary>
    /// The directory <paramref name="prefix"/> ("" or ending in '/') made of the stored files below it. Where sources
    /// hold the same path, the first in <paramref name="sourceIds"/> wins.
    /// </summary>
    public static RawDirectory Of(string prefix, IEnumerable<Asset> assets, IReadOnlyList<int> sourceIds)
    {
        var entries = new Dictionary<string, RawEntry>(StringComparer.Ordinal);
        foreach (var asset in assets.OrderBy(a => sourceIds.Rank(a.RepositoryId)))
        {
            var rest = asset.Path[prefix.Length..];
            var slash = rest.IndexOf('/');
            var entry = slash >= 0
                ? new RawEntry(rest[..slash], prefix + rest[..(slash + 1)], RawContent.DirectoryKind) // a proxy's directory page marks one too
                : new RawEntry(rest, asset.Path, RawContent.FileKind, asset.Size, asset.BlobSha256, asset.ContentType, asset.CreatedAt);
            if (entry.Name.Length > 0)
            {
                entries.TryAdd(entry.Path, entry);
            }
        }

        return new RawDirectory(prefix, [.. entries.Values.OrderBy(e => e.Type == RawContent.FileKind).ThenBy(e => e.Name, StringComparer.Ordinal)]);
    }

    /// <summary>JSON when asked for (<c>Accept: application/json</c>), else a plain HTML index with relative links.</summary>
    public ContentResponse Answer(string repository, string? accept) =>
        accept?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true
            ? ContentResponse.Json(200, this, RawContent.Json) with { CacheControl = CacheControl.Revalidate }
            : new ContentResponse(200, "text/html; charset=utf-8", new ContentPayload.Bytes(Encoding.UTF8.GetBytes(Html(repository)))) { CacheControl = CacheControl.Revalidate };

    private string Html(string repository)
    {
        var title = WebUtility.HtmlEncode($"Index of /repository/{repository}/{Path}");
        var html = new StringBuilder($"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body><h1>{title}</h1>\n<table>\n");
        html.Append("<tr><th>Name</th><th>Size</th><th>SHA-256</th><th>Created</th></tr>\n");
        if (Path.Length > 0)
        {
            html.Append("<tr><td><a href=\"../\">../</a></td></tr>\n");
        }

        foreach (var entry in Entries)
        {
            var name = entry.Type == RawContent.DirectoryKind ? entry.Name + "/" : entry.Name;
            var href = Uri.EscapeDataString(entry.Name) + (entry.Type == RawContent.DirectoryKind ? "/" : "");
            html.Append($"<tr><td><a href=\"{href}\">{WebUtility.HtmlEncode(name)}</a></td><td>{entry.Size}</td><td>{entry.Sha256}</td><td>{entry.CreatedAt:u}</td></tr>\n");
        }

        return html.Append("</table></body></html>\n").ToString();
    }
}
