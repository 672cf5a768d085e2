using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Formats.Raw.Hosted;

namespace ArtifactHub.Formats.Raw;

/// <summary>What raw asks of repository settings, and the API's upload of a file to a path the caller names.</summary>
public sealed class RawRepositoryFormat(RawPublisher publisher) : IRepositoryFormat
{
    public string Name => RawFormat.Name;

    /// <summary>Checksum databases are Go's: an empty list sent is the same as none.</summary>
    public RepositorySettings WithDefaults(RepositoryType type, RepositorySettings settings) =>
        settings.Proxy is { ChecksumDatabases.Count: 0 } proxy ? settings with { Proxy = proxy with { ChecksumDatabases = null } } : settings;

    public IEnumerable<KeyValuePair<string, string>> Check(RepositoryType type, RepositorySettings settings)
    {
        if (settings.Proxy?.ChecksumDatabases is { Count: > 0 })
        {
            yield return new("proxy.checksumDatabases", "Checksum databases are for Go repositories.");
        }
    }

    public async Task<UploadResult> UploadAsync(RepositoryContext repository, Stream body, long? contentLength, string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return Titled(ContentResponse.BadRequest("name where the file goes: ?path=dir/file"), null);
        }

        if (RawPath.Parse(path, out var error) is not { } parsed)
        {
            return Titled(ContentResponse.BadRequest($"invalid path \"{path}\": {error}"), null);
        }

        return Titled(await publisher.PublishAsync(repository, parsed, body, contentLength, cancellationToken), parsed.Escaped);
    }

    private static UploadResult Titled(ContentResponse answer, string? contentPath) => new(answer, contentPath, answer.Status switch
    {
        400 => "Invalid path",
        409 => "File exists",
        413 => "File too large",
        _ => null,
    });
}
