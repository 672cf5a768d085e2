namespace ArtifactHub.Core.Formats;

/// <summary>One page of a longer list, as the API answers lists: page starts at 1; <paramref name="Total"/> counts every item.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
