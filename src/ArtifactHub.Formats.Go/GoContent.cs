using System.Text;
using System.Text.Json;
using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;

namespace ArtifactHub.Formats.Go;

/// <summary>How Go proxy answers look: content types, cache rules, the .info document.</summary>
public static class GoContent
{
    public const string InfoType = "application/json";
    public const string ModType = "text/plain; charset=utf-8";
    public const string ZipType = "application/zip";
    public const string ListType = "text/plain; charset=utf-8";

    /// <summary>The asset kinds of a version: its module zip and its go.mod.</summary>
    public const string ZipKind = "zip";
    public const string ModKind = "mod";

    /// <summary>.mod, .zip and the .info of a canonical version never change once served.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>list and @latest change when a version is published: revalidate every time (they carry an ETag).</summary>
    public const string Revalidate = "no-cache";

    /// <summary>RFC 3339 in UTC, whole seconds, as proxy.golang.org writes it.</summary>
    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Info(string version, DateTimeOffset time) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["Version"] = version, ["Time"] = FormatTime(time) });

    public static ContentResponse FromAsset(Asset asset) =>
        new(200, asset.ContentType, new ContentPayload.Blob(asset.BlobSha256, asset.Size))
        {
            ETag = $"\"{asset.BlobSha256}\"",
            CacheControl = Immutable,
            LastModified = asset.CreatedAt,
            DownloadOfComponent = asset.Kind == ZipKind ? asset.ComponentId : null,
        };

    public static ContentResponse List(IEnumerable<string> versions)
    {
        var text = string.Concat(versions.Order(GoSemver.Comparer).Select(v => v + "\n"));
        var bytes = Encoding.UTF8.GetBytes(text);
        return new ContentResponse(200, ListType, new ContentPayload.Bytes(bytes))
        {
            ETag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..32]}\"",
            CacheControl = Revalidate,
        };
    }
}
