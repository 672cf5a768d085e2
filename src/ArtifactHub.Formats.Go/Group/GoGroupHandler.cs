using System.Text;
using System.Text.Json;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Data;
using ArtifactHub.Formats.Go.SumDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtifactHub.Formats.Go.Group;

/// <summary>
/// One URL over ordered members. The version list is the union of the members' lists (unlike Nexus, which
/// answers with the first member's); @latest follows the protocol's rule across members; .info/.mod/.zip come
/// from the first member that has them. A failing member is skipped and named in a Warning; when nothing is
/// found and some member failed, the answer is 502, never a 404 that would hide the failure. Checksum-database
/// requests go to the first member that proxies the database.
/// </summary>
public sealed class GoGroupHandler(
    ArtifactHubDbContext db,
    RepositoryCache repositories,
    IServiceProvider services,
    IBlobStore blobs,
    ILogger<GoGroupHandler> logger) : IRepositoryHandler
{
    public string Format => GoFormat.Name;

    public RepositoryType Type => RepositoryType.Group;

    public async Task<ContentResponse> HandleAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        if (SumDbRequestPath.IsSumDb(request.Path))
        {
            return await ChecksumDatabaseAsync(request, cancellationToken);
        }

        if (GoRequestPath.ParseOrAnswer(request.Path, out var answer) is not { } path)
        {
            return answer!;
        }

        // Writes never get here (RepositoryHandlers answers 405 to PUT and DELETE on a group); a read of the upload path does.
        if (path.Kind == GoRequestKind.Version)
        {
            return ContentResponse.Text(405, $"{request.Method} is not allowed on a group repository: publish to a hosted member");
        }

        var members = await MembersAsync(request.Repository, cancellationToken);
        return path.Kind switch
        {
            GoRequestKind.List => await MergedListAsync(request, members, path, cancellationToken),
            GoRequestKind.Latest => await LatestAsync(request, members, path, cancellationToken),
            _ => await FirstFoundAsync(request, members, path.AssetPath, cancellationToken),
        };
    }

    /// <summary>
    /// <c>sumdb/…</c>: answered by the first member that proxies that checksum database (hosted members answer 404),
    /// so <c>supported</c> is 200 when any member supports the name.
    /// </summary>
    private async Task<ContentResponse> ChecksumDatabaseAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        if (SumDbRequestPath.ParseOrAnswer(request.Path, out var answer) is null)
        {
            return answer!;
        }

        return await FirstFoundAsync(request, await MembersAsync(request.Repository, cancellationToken), request.Path, cancellationToken);
    }

    private async Task<List<Repository>> MembersAsync(Repository group, CancellationToken cancellationToken)
    {
        var members = new List<Repository>();
        foreach (var name in RepositorySettings.Read(group).Group?.Members ?? [])
        {
            if (await repositories.FindAsync(db, name, cancellationToken) is { } member)
            {
                members.Add(member);
            }
            else
            {
                logger.LogWarning("Group {Group}: member {Member} does not exist", group.Name, name);
            }
        }

        return members;
    }

    private async Task<ContentResponse> FirstFoundAsync(ContentRequest request, List<Repository> members, string what, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        foreach (var member in members)
        {
            var answer = await AskAsync(request, member, cancellationToken);
            if (answer.Status == 200)
            {
                return WithWarning(answer, failed, [answer.Warning]);
            }

            if (answer.Status is not (404 or 410))
            {
                failed.Add($"{member.Name} ({answer.Status})");
            }
        }

        return NothingFound(request.Repository, what, failed);
    }

    private async Task<ContentResponse> MergedListAsync(ContentRequest request, List<Repository> members, GoRequestPath path, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        var warnings = new List<string?>();
        var versions = new HashSet<string>(StringComparer.Ordinal);
        var found = false;
        foreach (var member in members)
        {
            var answer = await AskAsync(request, member, cancellationToken);
            if (answer.Status == 200)
            {
                found = true;
                warnings.Add(answer.Warning); // e.g. a proxy member's stale copy: the merged list is stale too
                var text = Encoding.UTF8.GetString((await ReadAsync(answer.Payload, cancellationToken)).Span);
                versions.UnionWith(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(GoSemver.IsValid));
            }
            else if (answer.Status is not (404 or 410))
            {
                failed.Add($"{member.Name} ({answer.Status})");
            }
        }

        return found ? WithWarning(GoContent.List(versions), failed, warnings) : NothingFound(request.Repository, path.AssetPath, failed);
    }

    private async Task<ContentResponse> LatestAsync(ContentRequest request, List<Repository> members, GoRequestPath path, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        var candidates = new List<(string Version, ContentResponse Answer)>();
        foreach (var member in members)
        {
            var answer = await AskAsync(request, member, cancellationToken);
            if (answer.Status == 200)
            {
                try
                {
                    using var info = JsonDocument.Parse(await ReadAsync(answer.Payload, cancellationToken));
                    if (info.RootElement.GetProperty("Version").GetString() is { } version && GoSemver.IsValid(version))
                    {
                        candidates.Add((version, answer));
                    }
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    failed.Add($"{member.Name} (unreadable @latest)");
                }
            }
            else if (answer.Status is not (404 or 410))
            {
                failed.Add($"{member.Name} ({answer.Status})");
            }
        }

        var latest = GoVersion.Latest(candidates.Select(c => c.Version));
        return latest is null
            ? NothingFound(request.Repository, path.AssetPath, failed)
            : WithWarning(candidates.First(c => c.Version == latest).Answer, failed, candidates.Select(c => c.Answer.Warning));
    }

    /// <summary>
    /// Asks a member as the go command would, under the same rules as the content URL (another group too). The
    /// request's token stops the asking when the client goes away; a proxy member's upstream fetch runs on regardless
    /// (<see cref="Proxy.ProxyCacheServer"/>), so the file is cached for the next request.
    /// </summary>
    private async Task<ContentResponse> AskAsync(ContentRequest request, Repository member, CancellationToken cancellationToken)
    {
        try
        {
            // Resolved here, not injected: the handler set contains this handler.
            var handlers = services.GetRequiredService<RepositoryHandlers>();
            return await handlers.AnswerAsync(request with { Repository = member, Method = "GET" }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Group {Group}: member {Member} failed on {Path}", request.Repository.Name, member.Name, request.Path);
            return ContentResponse.Text(500, $"member {member.Name} failed");
        }
    }

    private async Task<ReadOnlyMemory<byte>> ReadAsync(ContentPayload payload, CancellationToken cancellationToken)
    {
        switch (payload)
        {
            case ContentPayload.Bytes bytes:
                return bytes.Content;
            case ContentPayload.Blob blob:
                using (var content = await blobs.OpenReadAsync(blob.Sha256, cancellationToken))
                {
                    if (content is null)
                    {
                        return ReadOnlyMemory<byte>.Empty;
                    }

                    using var copy = new MemoryStream();
                    await content.Stream.CopyToAsync(copy, cancellationToken);
                    return copy.GetBuffer().AsMemory(0, (int)copy.Length);
                }

            default:
                return ReadOnlyMemory<byte>.Empty;
        }
    }

    /// <summary>Keeps the members' own warnings (a stale copy) and adds one naming the members that failed.</summary>
    private static ContentResponse WithWarning(ContentResponse answer, List<string> failed, IEnumerable<string?> memberWarnings)
    {
        var warnings = memberWarnings.OfType<string>().Distinct().ToList();
        if (failed.Count > 0)
        {
            warnings.Add($"199 ArtifactHub \"members failed and were skipped: {string.Join(", ", failed)}\"");
        }

        return answer with { Warning = warnings.Count == 0 ? null : string.Join(", ", warnings) };
    }

    private static ContentResponse NothingFound(Repository group, string what, List<string> failed) =>
        failed.Count == 0
            ? ContentResponse.NotFound($"not found: {what} in any member of {group.Name}")
            : ContentResponse.Text(502, $"{what} not found in {group.Name}, and these members failed: {string.Join(", ", failed)}");
}
