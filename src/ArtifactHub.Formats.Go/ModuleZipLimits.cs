namespace ArtifactHub.Formats.Go;

/// <summary>The size limits of golang.org/x/mod/zip.</summary>
public static class ModuleZipLimits
{
    public const long MaxZipFile = 500L << 20;
    public const long MaxGoMod = 16L << 20;
    public const long MaxLicense = 16L << 20;
}
