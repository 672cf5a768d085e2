using System.Text.Json.Serialization;

namespace ArtifactHub.Formats.Go.Browse;

/// <param name="Downloads">Downloads of all its versions.</param>
public sealed record ModuleSummary(string Module, int Versions, string? Latest, DateTimeOffset UpdatedAt, long Downloads);

public sealed record ModuleVersion(string Version, DateTimeOffset Time, long Size, string? ZipHash, string? ModHash, long Downloads);

public sealed record ModuleDetail(string Module, IReadOnlyList<ModuleVersion> Versions);

/// <summary>
/// One version as the UI shows it. <c>files</c> (every file of the zip, sorted by path) and <c>readme</c> need the zip:
/// a proxy that cached only the .info/.mod has <c>cached</c> false and them null; <c>goMod</c> is null when the .mod is not
/// stored. Those three are written as null rather than left out.
/// </summary>
public sealed record VersionDetail(
    string Module,
    string Version,
    DateTimeOffset Time,
    long Size,
    string? ZipHash,
    string? ModHash,
    long Downloads,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? GoMod,
    bool Cached,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<ModuleFile>? Files,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Readme);
