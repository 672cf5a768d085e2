using ArtifactHub.Core.Formats;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>How checksum-database answers look, as sum.golang.org serves them.</summary>
public static class SumDbContent
{
    public const string TextType = "text/plain; charset=utf-8";
    public const string TileType = "application/octet-stream";

    /// <summary>A tile holds at most 2^H hashes or records; sum.golang.org's are 8 KiB (hashes) or tens of KiB (data).</summary>
    public const long MaxFile = 4L << 20;

    public static string TypeOf(SumDbRequestPath path) =>
        path.Kind == SumDbRequestKind.Tile && !path.Rest.Contains("/data/", StringComparison.Ordinal) ? TileType : TextType;

    /// <summary>The empty 200 that tells the go command this database can be reached through us.</summary>
    public static ContentResponse Supported() =>
        new(200, TextType, new ContentPayload.Bytes(ReadOnlyMemory<byte>.Empty)) { CacheControl = CacheControl.Revalidate };
}
