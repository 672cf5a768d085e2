namespace ArtifactHub.Server.Auth;

/// <summary>Configuration section "ArtifactHub:Admin" (environment: ArtifactHub__Admin__Password).</summary>
public sealed class AdminOptions
{
    public const string Section = "ArtifactHub:Admin";

    /// <summary>When set, the admin account's password; otherwise one is generated on first start into {DataDir}/admin.password.</summary>
    public string? Password { get; set; }
}
