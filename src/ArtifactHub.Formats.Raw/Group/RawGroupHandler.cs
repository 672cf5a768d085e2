using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Group;
using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Formats.Raw.Group;

/// <summary>One URL over ordered raw members, on the group engine: a path comes from the first member that has it.</summary>
public sealed class RawGroupHandler(GroupEngine group) : IRepositoryHandler
{
    public string Format => RawFormat.Name;

    public RepositoryType Type => RepositoryType.Group;

    public async Task<ContentResponse> HandleAsync(ContentRequest request, CancellationToken cancellationToken) =>
        RawPath.Parse(request.Path, out var error) is { } path
            ? await group.FirstFoundAsync(request, path.Value, cancellationToken)
            : ContentResponse.BadRequest($"invalid path \"{request.Path}\": {error}");
}
