namespace ArtifactHub.Core;

/// <summary>Settings that every part of the server shares (configuration section "ArtifactHub").</summary>
public sealed class ArtifactHubOptions
{
    public const string Section = "ArtifactHub";

    /// <summary>Folder for the SQLite database, blobs and the staging area. Relative paths are taken from the working directory.</summary>
    public string DataDir { get; set; } = "./data";

    public string FullDataDir => Path.GetFullPath(DataDir);

    /// <summary>Where uploads and fetches stage their files before the blob store takes them (cleaned by garbage collection).</summary>
    public string FullStagingDir => Path.Combine(FullDataDir, "tmp");
}
