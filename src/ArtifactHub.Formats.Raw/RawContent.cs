using System.Text.Json;
using System.Text.Json.Serialization;
using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;

namespace ArtifactHub.Formats.Raw;

/// <summary>How raw answers look: asset kinds, content types by extension, the JSON of a stored file.</summary>
public static class RawContent
{
    /// <summary>A file; and a directory page a raw proxy fetched from its upstream (its path ends in '/').</summary>
    public const string FileKind = "file";
    public const string DirectoryKind = "directory";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".gz"] = "application/gzip", [".tgz"] = "application/gzip", [".zip"] = "application/zip", [".tar"] = "application/x-tar",
        [".xz"] = "application/x-xz", [".bz2"] = "application/x-bzip2", [".zst"] = "application/zstd", [".7z"] = "application/x-7z-compressed",
        [".json"] = "application/json", [".xml"] = "application/xml", [".yaml"] = "application/yaml", [".yml"] = "application/yaml",
        [".txt"] = Text, [".md"] = "text/markdown; charset=utf-8", [".csv"] = "text/csv; charset=utf-8", [".sha256"] = Text, [".sha512"] = Text,
        [".sha1"] = Text, [".md5"] = Text, [".asc"] = Text, [".sig"] = "application/pgp-signature", [".pem"] = Text,
        [".html"] = "text/html; charset=utf-8", [".htm"] = "text/html; charset=utf-8", [".css"] = "text/css", [".js"] = "text/javascript",
        [".svg"] = "image/svg+xml", [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif",
        [".pdf"] = "application/pdf", [".jar"] = "application/java-archive", [".wasm"] = "application/wasm",
    };

    private const string Text = "text/plain; charset=utf-8";

    public static string TypeOf(RawPath path) =>
        path.IsDirectory ? "text/html; charset=utf-8" : Types.GetValueOrDefault(Path.GetExtension(path.Value), "application/octet-stream");

    /// <summary>A stored file: revalidated with its ETag, since a raw file may be replaced (policy allow) or deleted and stored again.</summary>
    public static ContentResponse FromAsset(Asset asset) => ContentResponse.FromAsset(asset, CacheControl.Revalidate);

    /// <summary>What a stored file is, as an upload answers it.</summary>
    public static ContentResponse Stored(int status, Asset asset) =>
        ContentResponse.Json(status, new StoredFile(asset.Path, asset.Size, asset.BlobSha256, asset.ContentType), Json);
}

public sealed record StoredFile(string Path, long Size, string Sha256, string ContentType);
