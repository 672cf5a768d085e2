namespace ArtifactHub.Server.Downloads;

/// <summary>Configuration section "ArtifactHub:Downloads": how often counted downloads are written to the database.</summary>
public sealed class DownloadOptions
{
    public const string Section = "ArtifactHub:Downloads";

    /// <summary>Seconds between writes of the downloads counted since the last one (and once more at shutdown).</summary>
    public double FlushIntervalSeconds { get; set; } = 10;
}
