using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Formats.Go.Hosted;
using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Formats.Go;

/// <summary>What Go asks of repository settings, and the API's upload of a module zip that names its own module and version.</summary>
public sealed class GoRepositoryFormat(GoModulePublisher publisher) : IRepositoryFormat
{
    public string Name => GoFormat.Name;

    public RepositorySettings WithDefaults(RepositoryType type, RepositorySettings settings) =>
        settings.Proxy is { } proxy ? settings with { Proxy = proxy with { ChecksumDatabases = GoFormat.ChecksumDatabasesOf(proxy) } } : settings;

    public IEnumerable<KeyValuePair<string, string>> Check(RepositoryType type, RepositorySettings settings)
    {
        if (settings.Hosted?.WritePolicy == WritePolicy.Allow)
        {
            yield return new("hosted.writePolicy", "Go versions are immutable: use allow-once or read-only (allow is for raw repositories).");
        }

        if (settings.Proxy is { } proxy)
        {
            if (proxy.MetadataPaths.Count > 0)
            {
                yield return new("proxy.metadataPaths", "Metadata paths are for raw repositories: Go knows which of its files change.");
            }

            if (proxy.VerifySidecar is not null)
            {
                yield return new("proxy.verifySidecar", "A sidecar checksum is for raw repositories: a Go proxy checks zips against their module rules and h1: hashes.");
            }

            for (var i = 0; i < (proxy.ChecksumDatabases?.Count ?? 0); i++)
            {
                if (KeyProblem(proxy.ChecksumDatabases![i]) is { } problem)
                {
                    yield return new($"proxy.checksumDatabases[{i}].key", problem);
                }
            }
        }
    }

    /// <summary>A database's verifier key must be one, and its own (the name in the key is the database's).</summary>
    private static string? KeyProblem(ChecksumDatabase? database)
    {
        if (database?.Key is not { } key)
        {
            return null;
        }

        try
        {
            var verifier = NoteVerifier.Parse(key);
            return verifier.Name == database.Name ? null : $"The key is {verifier.Name}'s, not {database.Name}'s.";
        }
        catch (SumDbException e)
        {
            return e.Message;
        }
    }

    public async Task<UploadResult> UploadAsync(RepositoryContext repository, Stream body, long? contentLength, string? path, CancellationToken cancellationToken)
    {
        if (path is not null)
        {
            return Titled(ContentResponse.BadRequest("a Go module zip names its module and version in its entries: send it without a path"), null);
        }

        await using var zip = await publisher.StageAsync(body, contentLength, cancellationToken);
        if (zip is null)
        {
            return Titled(GoModulePublisher.TooLarge(), null);
        }

        string module, version;
        try
        {
            (module, version) = ModuleZipPrefix.Read(zip.Path);
        }
        catch (InvalidModuleZipException e)
        {
            return Titled(ContentResponse.BadRequest(e.Message), null);
        }

        var contentPath = $"{GoModulePath.Escape(module)}/@v/{GoModulePath.Escape(version)}.zip";
        var answer = GoModulePublisher.Refusal(repository, module, version)
            ?? await publisher.PublishAsync(repository, module, version, zip, cancellationToken);
        return Titled(answer, contentPath);
    }

    private static UploadResult Titled(ContentResponse answer, string? contentPath) => new(answer, contentPath, answer.Status switch
    {
        400 => "Invalid module zip",
        409 => "Version exists",
        413 => "Module zip too large",
        _ => null,
    });
}
