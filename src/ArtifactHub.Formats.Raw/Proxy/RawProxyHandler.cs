using ArtifactHub.Core;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Proxy;
using ArtifactHub.Core.Repositories;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Formats.Raw.Proxy;

/// <summary>
/// A raw repository that caches any HTTP(S) base URL, on the proxy engine: a file is fetched once and kept forever,
/// unless its path matches one of <c>metadataPaths</c> (globs over the whole path: <c>*.json</c>, <c>*/</c> for
/// directory pages), which are fetched again once older than the max age. With <c>verifySidecar</c> every file kept
/// forever is checked against the upstream's checksum file beside it (<see cref="SidecarCheck"/>).
/// </summary>
public sealed class RawProxyHandler(ProxyEngine proxy, SidecarCheck sidecars, IOptions<RawOptions> options) : IRepositoryHandler
{
    public string Format => RawFormat.Name;

    public RepositoryType Type => RepositoryType.Proxy;

    public async Task<ContentResponse> HandleAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        if (RawPath.Parse(request.Path, out var error) is not { } path)
        {
            return ContentResponse.BadRequest($"invalid path \"{request.Path}\": {error}");
        }

        var settings = request.Repository.Proxy;
        var file = new ProxiedFile(path.Value, path.IsDirectory ? RawContent.DirectoryKind : RawContent.FileKind, RawContent.TypeOf(path), path.Escaped)
        {
            RuleSubject = path.Value,
            MaxBytes = options.Value.MaxFileBytes,
            Undecoded = true, // a .tar.gz an upstream labels Content-Encoding: gzip is the .tar.gz, not the tar inside
        };
        if (settings.MetadataPaths.Any(pattern => Glob.Matches(pattern, path.Value, ignoreCase: false)))
        {
            file = file with { MaxAge = TimeSpan.FromMinutes(settings.MetadataMaxAgeMinutes) };
        }
        else if (sidecars.Applies(settings, path))
        {
            file = file with { Check = sidecars.For(settings, path) };
        }

        return await proxy.ServeAsync(request.Repository, file, cancellationToken);
    }
}
