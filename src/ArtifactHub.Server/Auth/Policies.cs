namespace ArtifactHub.Server.Auth;

/// <summary>Authorization policy names. Until roles and privileges arrive, every account is an administrator.</summary>
public static class Policies
{
    public const string AdminRole = "admin";

    /// <summary>Create, change and delete repositories; browse through the management API.</summary>
    public const string ManageRepositories = "repositories.manage";

    /// <summary>Publish to and delete from hosted repositories.</summary>
    public const string WriteContent = "content.write";
}
