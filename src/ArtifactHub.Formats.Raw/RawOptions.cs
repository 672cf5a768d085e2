namespace ArtifactHub.Formats.Raw;

/// <summary>Raw repositories' limits (configuration "ArtifactHub:Raw").</summary>
public sealed class RawOptions
{
    public const string Section = "ArtifactHub:Raw";

    /// <summary>The largest file uploaded to a hosted raw repository or fetched by a raw proxy (default 5 GiB).</summary>
    public long MaxFileBytes { get; set; } = 5L << 30;
}
