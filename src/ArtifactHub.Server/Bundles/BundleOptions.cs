namespace ArtifactHub.Server.Bundles;

/// <summary>Transfer bundles (configuration "ArtifactHub:Bundles").</summary>
public sealed class BundleOptions
{
    public const string Section = "ArtifactHub:Bundles";

    /// <summary>
    /// The name in this server's signing key (<c>name+hash+base64</c>), chosen when the key is made on first start: say
    /// which installation signed a bundle (<c>artifacthub.corp.example</c>): not empty, without white space or '+'.
    /// </summary>
    public string KeyName { get; set; } = "artifacthub";
}
