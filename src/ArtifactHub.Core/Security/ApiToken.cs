namespace ArtifactHub.Core.Security;

/// <summary>
/// An API token: shown once when created, stored only as its SHA-256 (<see cref="ApiTokenSecret"/>). It acts as its
/// user, narrowed to <see cref="Scope"/> when that is set.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public int UserId { get; set; }

    public User? User { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the token (<c>ah_</c> and a few more), to tell tokens apart in lists; not enough to use it.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole token; unique.</summary>
    public required string Hash { get; set; }

    /// <summary>Privileges in text form (<see cref="Privilege"/>) that narrow the token; null: all of its user's.</summary>
    public List<string>? Scope { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
