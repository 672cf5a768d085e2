using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Formats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtifactHub.Core.Group;

/// <summary>A member's 200 answer with its body read, for a format to merge.</summary>
public sealed record MemberAnswer(string Member, ContentResponse Answer, ReadOnlyMemory<byte> Body);

/// <summary>
/// Merges the members' 200 answers into one, or null when none of them holds anything mergeable; a member whose answer
/// cannot be read is named in <paramref name="failed"/> (e.g. "proxy-a (unreadable @latest)").
/// </summary>
public delegate ContentResponse? MergeAnswers(IReadOnlyList<MemberAnswer> found, ICollection<string> failed);

/// <summary>
/// How a group repository of any format answers (Nexus's group handler): each member asked in order as the content URL
/// would ask it (a member group in turn asks its own), either the first that has the file or all of them with their
/// answers merged by the format. A failing member is skipped and named in a Warning; when nothing is found and some
/// member failed, the answer is 502, never a 404 that would hide the failure.
/// </summary>
public sealed class GroupEngine(GroupWalker walker, IServiceProvider services, IBlobStore blobs, ILogger<GroupEngine> logger)
{
    /// <summary>Bodies merged are metadata (version lists): a member answer larger than this is counted as a failure.</summary>
    public const int MaxMergedBody = 16 << 20;

    /// <param name="what">How the 404 or 502 names what was looked for.</param>
    public async Task<ContentResponse> FirstFoundAsync(ContentRequest request, string what, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        foreach (var member in await walker.MembersAsync(request.Repository, cancellationToken))
        {
            var answer = await AskAsync(request, member, cancellationToken);
            if (answer.Status == 200)
            {
                return WithWarning(answer, failed, [answer.Warning]);
            }

            Note(failed, member.Name, answer);
        }

        return NothingFound(request, what, failed);
    }

    /// <summary>Asks every member, then has the format merge what they found (Go: the union of version lists).</summary>
    public async Task<ContentResponse> MergeAsync(ContentRequest request, string what, MergeAnswers merge, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        var found = new List<MemberAnswer>();
        foreach (var member in await walker.MembersAsync(request.Repository, cancellationToken))
        {
            var answer = await AskAsync(request, member, cancellationToken);
            if (answer.Status != 200)
            {
                Note(failed, member.Name, answer);
            }
            else if (await ReadAsync(answer.Payload, cancellationToken) is { } body)
            {
                found.Add(new MemberAnswer(member.Name, answer, body));
            }
            else
            {
                failed.Add($"{member.Name} (answer unreadable or too large to merge)");
            }
        }

        // A member's own warning (a proxy's stale copy) makes the merged answer stale too.
        return merge(found, failed) is { } merged
            ? WithWarning(merged, failed, found.Select(f => f.Answer.Warning))
            : NothingFound(request, what, failed);
    }

    /// <summary>
    /// Asks a member under the same rules as the content URL (another group too). The request's token stops the asking
    /// when the client goes away; a proxy member's upstream fetch runs on regardless, so the file is cached for the next.
    /// </summary>
    private async Task<ContentResponse> AskAsync(ContentRequest request, Repositories.RepositoryContext member, CancellationToken cancellationToken)
    {
        try
        {
            // Resolved here, not injected: the handlers include the group handler that uses this engine.
            var handlers = services.GetRequiredService<RepositoryHandlers>();
            return await handlers.AnswerAsync(request with { Repository = member, Method = "GET" }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Group {Group}: member {Member} failed on {Path}", request.Repository.Name, member.Name, request.Path);
            return ContentResponse.Text(500, $"member {member.Name} failed");
        }
    }

    private static void Note(List<string> failed, string member, ContentResponse answer)
    {
        if (answer.Status is not (404 or 410))
        {
            failed.Add($"{member} ({answer.Status})");
        }
    }

    private async Task<ReadOnlyMemory<byte>?> ReadAsync(ContentPayload payload, CancellationToken cancellationToken)
    {
        switch (payload)
        {
            case ContentPayload.Bytes bytes:
                return bytes.Content;
            case ContentPayload.Blob { Size: <= MaxMergedBody } blob:
                using (var content = await blobs.OpenReadAsync(blob.Sha256, cancellationToken))
                {
                    if (content is null || content.Length > MaxMergedBody)
                    {
                        return null;
                    }

                    var bytes = new byte[content.Length];
                    await content.Stream.ReadExactlyAsync(bytes, cancellationToken);
                    return bytes;
                }

            default:
                return null;
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

    private static ContentResponse NothingFound(ContentRequest request, string what, List<string> failed) =>
        failed.Count == 0
            ? ContentResponse.NotFound($"not found: {what} in any member of {request.Repository.Name}")
            : ContentResponse.Text(502, $"{what} not found in {request.Repository.Name}, and these members failed: {string.Join(", ", failed)}");
}
