using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Content;
using ArtifactHub.Core.Repositories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Core.Proxy;

/// <summary>
/// Fetches one file from the upstream and stores it through the content store: streamed to a staged file within the
/// file's size limit, checked by its format, then kept (immutable) or put in place of the older copy (refreshed).
/// An upstream "not found" is remembered. Runs in a scope of its own, once per file however many requests wait for it.
/// </summary>
public sealed class ProxyFetcher(
    IContentStore content,
    UpstreamClient upstream,
    NegativeCache misses,
    IOptions<ArtifactHubOptions> options,
    ILogger<ProxyFetcher> logger)
{
    public async Task<ProxyFetchOutcome> FetchAsync(RepositoryContext repository, ProxiedFile file, CancellationToken cancellationToken)
    {
        var settings = repository.Proxy;
        var baseUrl = file.UpstreamBaseUrl ?? settings.Upstream;
        using var answer = await upstream.GetAsync(settings, baseUrl, file.UpstreamPath, decode: !file.Undecoded, cancellationToken);
        switch (answer)
        {
            case UpstreamAnswer.Missing:
                misses.Remember(repository.Id, file.AssetPath, TimeSpan.FromMinutes(settings.NegativeCacheMinutes));
                return new ProxyFetchOutcome.Missing();
            case UpstreamAnswer.Failed failed:
                return Fail(repository, failed.Status, failed.Message);
        }

        StagedFile staged;
        try
        {
            staged = await StagedFile.WriteAsync(((UpstreamAnswer.Found)answer).Body, options.Value.FullStagingDir, file.MaxBytes, cancellationToken);
        }
        catch (ContentTooLargeException e)
        {
            return Fail(repository, 502, $"upstream {baseUrl} sent too much for {file.UpstreamPath}: {e.Message}");
        }
        catch (Exception e) when (e is TimeoutException or IOException or HttpRequestException)
        {
            return Fail(repository, e is TimeoutException ? 504 : 502, $"upstream {baseUrl} broke off {file.UpstreamPath}: {e.Message}");
        }

        await using (staged)
        {
            var verdict = file.Check is null ? FetchVerdict.Accept : await file.Check(staged, cancellationToken);
            if (verdict is FetchVerdict.Refused refused)
            {
                return Fail(repository, 502, refused.Message);
            }

            var draft = new AssetDraft(file.AssetPath, file.Kind, file.ContentType, staged)
            {
                FormatHash = (verdict as FetchVerdict.Accepted)?.FormatHash,
                Component = file.Component,
            };
            await (file.IsImmutable ? content.KeepAsync(repository.Id, draft, cancellationToken) : content.ReplaceAsync(repository.Id, draft, cancellationToken));
            logger.LogInformation("Proxy {Repository} cached {Path} ({Size} bytes)", repository.Name, file.AssetPath, staged.Size);
            return new ProxyFetchOutcome.Stored();
        }
    }

    private ProxyFetchOutcome.Failed Fail(RepositoryContext repository, int status, string message)
    {
        logger.LogWarning("Proxy {Repository}: {Message}", repository.Name, message);
        return new ProxyFetchOutcome.Failed(status, message);
    }
}
