using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Proxy;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Formats.Go.Proxy;

/// <summary>
/// A Go repository that caches an upstream GOPROXY, on the proxy engine: .mod, .zip and canonical .info are fetched
/// once and kept (a zip checked against the module zip rules, each with its h1: hash); list, @latest and queries are
/// fetched again when older than the max age. The allow/block rules match module paths. <c>sumdb/…</c> proxies
/// checksum databases (<see cref="GoProxySumDb"/>).
/// </summary>
public sealed class GoProxyHandler(ProxyEngine proxy, GoProxySumDb sumdb) : IRepositoryHandler
{
    public string Format => GoFormat.Name;

    public RepositoryType Type => RepositoryType.Proxy;

    public async Task<ContentResponse> HandleAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        if (SumDbRequestPath.IsSumDb(request.Path))
        {
            return await sumdb.AnswerAsync(request, cancellationToken);
        }

        if (GoRequestPath.ParseOrAnswer(request.Path, out var answer) is not { } path)
        {
            return answer!;
        }

        return path.Kind == GoRequestKind.Version
            ? ContentResponse.NotFound($"not found: {request.Path}")
            : await proxy.ServeAsync(request.Repository, Proxied(request.Repository, path, request.Path), cancellationToken);
    }

    private static ProxiedFile Proxied(RepositoryContext repository, GoRequestPath path, string upstreamPath)
    {
        var file = new ProxiedFile(path.AssetPath, path.AssetKind, ContentTypeOf(path.Kind), upstreamPath) { RuleSubject = path.Module };
        if (!path.IsImmutable)
        {
            return file with { MaxAge = TimeSpan.FromMinutes(repository.Proxy.MetadataMaxAgeMinutes) };
        }

        file = file with { Component = new(path.Module, path.Version!) };
        var upstream = repository.Proxy.Upstream;
        return path.Kind switch
        {
            GoRequestKind.Zip => file with { MaxBytes = ModuleZipLimits.MaxZipFile, CountsAsDownload = true, Check = (zip, _) => Task.FromResult(CheckZip(zip, path, upstream)) },
            GoRequestKind.Mod => file with { MaxBytes = ModuleZipLimits.MaxGoMod, Check = (mod, _) => Task.FromResult<FetchVerdict>(new FetchVerdict.Accepted(GoHash.GoModHashOfSha256(mod.Sha256))) },
            _ => file,
        };
    }

    private static FetchVerdict CheckZip(StagedFile zip, GoRequestPath path, string upstream)
    {
        try
        {
            return new FetchVerdict.Accepted(ModuleZipValidator.Validate(zip.Path, path.Module, path.Version!).ZipHash);
        }
        catch (InvalidModuleZipException e)
        {
            return new FetchVerdict.Refused($"upstream {upstream} served an invalid module zip for {path.Module}@{path.Version}: {e.Message}");
        }
    }

    private static string ContentTypeOf(GoRequestKind kind) => kind switch
    {
        GoRequestKind.Zip => GoContent.ZipType,
        GoRequestKind.Mod => GoContent.ModType,
        GoRequestKind.List => GoContent.ListType,
        _ => GoContent.InfoType,
    };
}
