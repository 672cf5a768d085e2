namespace ArtifactHub.Server.Endpoints.Security;

/// <summary>page starts at 1; pageSize is 1 to <see cref="MaxPageSize"/>.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    public static IResult? Problem(int page, int pageSize) =>
        page < 1 || pageSize < 1 || pageSize > MaxPageSize
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["page"] = [$"page starts at 1; pageSize is 1 to {MaxPageSize}."] })
            : null;
}
