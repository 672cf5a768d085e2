using System.Text;
using System.Text.Json;
using ArtifactHub.Core.Content;

namespace ArtifactHub.Core.Formats;

/// <summary>Where the bytes of an answer come from.</summary>
public abstract record ContentPayload
{
    /// <summary>A stored blob, streamed from the blob store.</summary>
    public sealed record Blob(string Sha256, long Size) : ContentPayload;

    /// <summary>Small bytes made on the fly (a version list, an error message, a JSON answer).</summary>
    public sealed record Bytes(ReadOnlyMemory<byte> Content) : ContentPayload;
}

/// <summary>A format's answer. The server turns it into HTTP (status, headers, HEAD, conditional GET).</summary>
public sealed record ContentResponse(int Status, string ContentType, ContentPayload Payload)
{
    public const string TextPlain = "text/plain; charset=utf-8";

    /// <summary>Quoted strong validator; null when the answer has none.</summary>
    public string? ETag { get; init; }

    public string? CacheControl { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>An HTTP Warning header, e.g. when a stale copy is served because the upstream failed.</summary>
    public string? Warning { get; init; }

    /// <summary>
    /// The component whose download this answer is, when sent in full to a GET (the format decides what counts: Go, a
    /// version's .zip). A group passes its member's answer on, so the member that served it counts it.
    /// </summary>
    public long? DownloadOfComponent { get; init; }

    /// <summary>The 204 of a delete.</summary>
    public static ContentResponse NoContent() => new(204, TextPlain, new ContentPayload.Bytes(ReadOnlyMemory<byte>.Empty));

    /// <summary>Error bodies are short plain text: the go command prints them to the user.</summary>
    public static ContentResponse Text(int status, string message) =>
        new(status, TextPlain, new ContentPayload.Bytes(Encoding.UTF8.GetBytes(message.EndsWith('\n') ? message : message + "\n")))
        {
            CacheControl = "no-store",
        };

    /// <summary>A stored asset, streamed from the blob store, its SHA-256 as a strong ETag.</summary>
    public static ContentResponse FromAsset(Asset asset, string cacheControl) =>
        new(200, asset.ContentType, new ContentPayload.Blob(asset.BlobSha256, asset.Size))
        {
            ETag = $"\"{asset.BlobSha256}\"",
            CacheControl = cacheControl,
            LastModified = asset.CreatedAt,
        };

    public static ContentResponse NotFound(string message) => Text(404, message);

    public static ContentResponse BadRequest(string message) => Text(400, message);

    public static ContentResponse Json<T>(int status, T value, JsonSerializerOptions? options = null) =>
        new(status, "application/json", new ContentPayload.Bytes(JsonSerializer.SerializeToUtf8Bytes(value, options)));
}
