using System.Text;
using System.Text.Json;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Group;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Formats.Go.SumDb;

namespace ArtifactHub.Formats.Go.Group;

/// <summary>
/// One GOPROXY URL over ordered members, on the group engine. The version list is the union of the members' lists
/// (unlike Nexus, which answers with the first member's); @latest follows the protocol's rule across members;
/// .info/.mod/.zip come from the first member that has them, and so do checksum-database requests (hosted members
/// answer 404, so <c>supported</c> is 200 when any member proxies the database).
/// </summary>
public sealed class GoGroupHandler(GroupEngine group) : IRepositoryHandler
{
    public string Format => GoFormat.Name;

    public RepositoryType Type => RepositoryType.Group;

    public async Task<ContentResponse> HandleAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        if (SumDbRequestPath.IsSumDb(request.Path))
        {
            return SumDbRequestPath.ParseOrAnswer(request.Path, out var refused) is null
                ? refused!
                : await group.FirstFoundAsync(request, request.Path, cancellationToken);
        }

        if (GoRequestPath.ParseOrAnswer(request.Path, out var answer) is not { } path)
        {
            return answer!;
        }

        // Writes never get here (RepositoryHandlers answers 405 to PUT and DELETE on a group); a read of the upload path does.
        return path.Kind switch
        {
            GoRequestKind.Version => ContentResponse.Text(405, $"{request.Method} is not allowed on a group repository: publish to a hosted member"),
            GoRequestKind.List => await group.MergeAsync(request, path.AssetPath, MergeLists, cancellationToken),
            GoRequestKind.Latest => await group.MergeAsync(request, path.AssetPath, HighestLatest, cancellationToken),
            _ => await group.FirstFoundAsync(request, path.AssetPath, cancellationToken),
        };
    }

    /// <summary>Every valid version any member lists.</summary>
    private static ContentResponse? MergeLists(IReadOnlyList<MemberAnswer> found, ICollection<string> failed) =>
        found.Count == 0
            ? null
            : GoContent.List(found
                .SelectMany(f => Encoding.UTF8.GetString(f.Body.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(GoSemver.IsValid)
                .ToHashSet(StringComparer.Ordinal));

    /// <summary>The member @latest answer whose version the protocol's rule picks (releases over pre-releases over pseudo-versions).</summary>
    private static ContentResponse? HighestLatest(IReadOnlyList<MemberAnswer> found, ICollection<string> failed)
    {
        var candidates = new List<(string Version, ContentResponse Answer)>();
        foreach (var member in found)
        {
            try
            {
                using var info = JsonDocument.Parse(member.Body);
                if (info.RootElement.GetProperty("Version").GetString() is { } version && GoSemver.IsValid(version))
                {
                    candidates.Add((version, member.Answer));
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                failed.Add($"{member.Member} (unreadable @latest)");
            }
        }

        var latest = GoVersion.Latest(candidates.Select(c => c.Version));
        return latest is null ? null : candidates.First(c => c.Version == latest).Answer;
    }
}
