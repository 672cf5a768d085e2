namespace ArtifactHub.Core.Repositories;

/// <summary>
/// Credentials a proxy sends to its upstream, as Nexus's "HTTP authentication" of a proxy. A request to the API
/// carries the password or token in clear; what is stored carries only <see cref="ProtectedSecret"/>; what the API
/// answers carries neither (<see cref="ForDisplay"/>).
/// </summary>
public sealed record UpstreamAuthentication
{
    public const string Basic = "basic";
    public const string Bearer = "bearer";

    /// <summary>In a change request only: removes the stored credentials.</summary>
    public const string None = "none";

    /// <summary>basic, bearer, or none (in a change request).</summary>
    public string? Type { get; init; }

    /// <summary>Basic only.</summary>
    public string? Username { get; init; }

    /// <summary>Basic only, in a request; never stored, never answered.</summary>
    public string? Password { get; init; }

    /// <summary>Bearer only, in a request; never stored, never answered.</summary>
    public string? Token { get; init; }

    /// <summary>The password or token as stored, protected with <see cref="Security.ISecretProtector"/>; never answered.</summary>
    public string? ProtectedSecret { get; init; }

    public static bool IsKnownType(string? type) => type is Basic or Bearer or None;

    /// <summary>What the API shows: the type and user name, nothing secret in any form.</summary>
    public UpstreamAuthentication ForDisplay() => new() { Type = Type, Username = Username };
}
