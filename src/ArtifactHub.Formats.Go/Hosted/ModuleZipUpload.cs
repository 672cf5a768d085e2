using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Formats;

namespace ArtifactHub.Formats.Go.Hosted;

/// <summary>A module zip sent to be published, written to the staging folder up to <see cref="ModuleZipLimits.MaxZipFile"/>.</summary>
public static class ModuleZipUpload
{
    /// <summary>The 413 of a module zip over <see cref="ModuleZipLimits.MaxZipFile"/>.</summary>
    public static ContentResponse TooLarge() =>
        ContentResponse.Text(413, $"module zip is too large (limit is {ModuleZipLimits.MaxZipFile} bytes)");

    /// <summary>
    /// Streams <paramref name="body"/> to a staged file; null (answer <see cref="TooLarge"/>) when its declared length or
    /// its bytes go over the limit, in which case nothing is left behind.
    /// </summary>
    public static async Task<StagedFile?> StageAsync(Stream body, long? contentLength, string stagingDir, CancellationToken cancellationToken)
    {
        if (contentLength > ModuleZipLimits.MaxZipFile)
        {
            return null;
        }

        try
        {
            return await StagedFile.WriteAsync(body, stagingDir, ModuleZipLimits.MaxZipFile, cancellationToken);
        }
        catch (ContentTooLargeException)
        {
            return null;
        }
    }
}
