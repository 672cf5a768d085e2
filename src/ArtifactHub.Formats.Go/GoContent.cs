using System.Text;
using System.Text.Json;
using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;

namespace ArtifactHub.Formats.Go;

/// <summary>How Go proxy answers look: asset kinds, content types, cache rules, the .info document.</summary>
public static class GoContent
{
    public const string InfoType = "application/json";
    public const string ModType = "text/plain; charset=utf-8";
    public const string ZipType = "application/zip";
    public const string ListType = "text/plain; charset=utf-8";

    /// <summary>The asset kinds of a version (its .info, go.mod and module zip), the metadata fetched by a proxy, and a checksum-database answer.</summary>
    public const string InfoKind = "info";
    public const string ModKind = "mod";
    public const string ZipKind = "zip";
    public const string ListKind = "list";
    public const string LatestKind = "latest";
    public const string SumDbKind = "sumdb";

    /// <summary>RFC 3339 in UTC, whole seconds, as proxy.golang.org writes it.</summary>
    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Info(string version, DateTimeOffset time) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["Version"] = version, ["Time"] = FormatTime(time) });

    /// <summary>A stored .info/.mod/.zip: immutable, and a full GET of a .zip counts as a download of its version.</summary>
    public static ContentResponse FromAsset(Asset asset) =>
        ContentResponse.FromAsset(asset, CacheControl.Immutable) with { DownloadOfComponent = asset.Kind == ZipKind ? asset.ComponentId : null };

    public static ContentResponse List(IEnumerable<string> versions)
    {
        var text = string.Concat(versions.Order(GoSemver.Comparer).Select(v => v + "\n"));
        var bytes = Encoding.UTF8.GetBytes(text);
        return new ContentResponse(200, ListType, new ContentPayload.Bytes(bytes))
        {
            ETag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..32]}\"",
            CacheControl = CacheControl.Revalidate,
        };
    }
}
