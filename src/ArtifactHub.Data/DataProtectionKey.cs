namespace ArtifactHub.Data;

/// <summary>One key of ASP.NET Core Data Protection's key ring, as the XML it writes; shared by every node on the database.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    /// <summary>The name Data Protection gives the element (<c>key-{guid}</c>).</summary>
    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
