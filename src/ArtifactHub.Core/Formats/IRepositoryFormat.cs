using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Core.Formats;

/// <summary>
/// What the server asks of a format beyond its content handlers: its settings rules, the API's upload, and browsing
/// (<see cref="IFormatBrowser"/>). A format registers one (<c>AddGoFormat()</c>, <c>AddRawFormat()</c>); the server
/// never names a format.
/// </summary>
public interface IRepositoryFormat
{
    /// <summary>The name in the API and in the repository row (<c>go</c>, <c>raw</c>).</summary>
    string Name { get; }

    /// <summary>Fills in this format's defaults on settings of the given type before they are checked and stored.</summary>
    RepositorySettings WithDefaults(RepositoryType type, RepositorySettings settings);

    /// <summary>
    /// What is wrong with settings of the given type for this format, beyond the rules every format shares; keyed by
    /// field as the API names it (<c>proxy.metadataPaths</c>).
    /// </summary>
    IEnumerable<KeyValuePair<string, string>> Check(RepositoryType type, RepositorySettings settings);

    /// <summary>
    /// Publishes a file sent to <c>POST /api/v1/repositories/{name}/upload</c> (the UI's upload) to a hosted repository
    /// that is online, as a PUT to its content URL would, within the same size limit. <paramref name="path"/> is what
    /// the caller said of it, if anything (raw: the file's path; Go reads module and version from the zip).
    /// </summary>
    Task<UploadResult> UploadAsync(RepositoryContext repository, Stream body, long? contentLength, string? path, CancellationToken cancellationToken);
}

/// <summary>
/// The upload's answer as the content URL's PUT would give it, that URL's path once known (for the audit log), and the
/// title of the problem when it is a refusal (<c>Version exists</c>), if the format has a better one than the status's.
/// </summary>
public sealed record UploadResult(ContentResponse Answer, string? ContentPath, string? Title = null);
