using ArtifactHub.Core.Security;

namespace ArtifactHub.Server.Endpoints.Security;

/// <summary>
/// Create an API token: a name, an expiry (<c>expiresAt</c> or <c>expiresInDays</c>; neither: it does not expire),
/// a scope (privileges that narrow it; none: all of its user's), and for whom (another user needs security.manage and a service account).
/// </summary>
public sealed record TokenCreateRequest(string? Name, DateTimeOffset? ExpiresAt, int? ExpiresInDays, IReadOnlyList<string>? Scope, string? UserName);

/// <summary>The one answer that carries the token's text.</summary>
public sealed record TokenCreatedResponse(
    long Id, string Name, string UserName, string Prefix, string Token, IReadOnlyList<string>? Scope, DateTimeOffset? ExpiresAt, DateTimeOffset CreatedAt);

/// <summary>A token as lists show it: its prefix, never its text or hash.</summary>
public sealed record TokenResponse(
    long Id,
    string Name,
    string UserName,
    string Prefix,
    IReadOnlyList<string>? Scope,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    bool Revoked,
    DateTimeOffset? RevokedAt)
{
    public static TokenResponse From(ApiToken token, string userName) => new(
        token.Id, token.Name, userName, token.Prefix, token.Scope, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt is not null, token.RevokedAt);
}
