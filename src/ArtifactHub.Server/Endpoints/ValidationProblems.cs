using FluentValidation.Results;

namespace ArtifactHub.Server.Endpoints;

/// <summary>Validation failures keyed as the JSON bodies spell their fields (<c>proxy.checksumDatabases[0].name</c>).</summary>
public static class ValidationProblems
{
    public static Dictionary<string, string[]> Of(ValidationResult result) =>
        result.Errors
            .GroupBy(e => JsonKey(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    /// <summary>Each segment of a property path with a lower-case first letter: <c>Proxy.Upstream</c> is <c>proxy.upstream</c>.</summary>
    public static string JsonKey(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));

    /// <summary>Adds a message under a key, beside any already there.</summary>
    public static void Add(this Dictionary<string, string[]> errors, string key, string message) =>
        errors[key] = errors.TryGetValue(key, out var messages) ? [.. messages, message] : [message];
}
