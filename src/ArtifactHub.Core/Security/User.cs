namespace ArtifactHub.Core.Security;

/// <summary>A local account. The password is only ever stored as a hash.</summary>
public sealed class User
{
    public int Id { get; set; }

    public required string UserName { get; set; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
