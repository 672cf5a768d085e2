using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Endpoints;

/// <summary>page starts at 1; pageSize is 1 to <see cref="MaxPageSize"/>.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    public static IResult? Problem(int page, int pageSize) =>
        page < 1 || pageSize < 1 || pageSize > MaxPageSize
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["page"] = [$"page starts at 1; pageSize is 1 to {MaxPageSize}."] })
            : null;

    /// <summary>One page of <paramref name="query"/> (checked by <see cref="Problem"/>) and how many there are in all.</summary>
    public static async Task<(List<T> Items, int Total)> PageAsync<T>(IOrderedQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }
}
