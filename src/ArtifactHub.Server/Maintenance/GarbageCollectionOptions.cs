namespace ArtifactHub.Server.Maintenance;

/// <summary>Configuration section "ArtifactHub:GarbageCollection": when blobs nothing refers to are deleted.</summary>
public sealed class GarbageCollectionOptions
{
    public const string Section = "ArtifactHub:GarbageCollection";

    /// <summary>Seconds between scheduled collections on each node (one runs at a time across nodes); 0: only on request.</summary>
    public int IntervalSeconds { get; set; } = 3600;

    /// <summary>
    /// A blob (or a staged file) younger than this is kept even if nothing refers to it: an upload that has just stored
    /// or touched it is about to write the row that will.
    /// </summary>
    public int GracePeriodSeconds { get; set; } = 3600;
}
