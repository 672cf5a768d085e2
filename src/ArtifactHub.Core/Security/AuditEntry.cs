namespace ArtifactHub.Core.Security;

/// <summary>One audited action: who, what, when, from where, and whether it succeeded. Never holds a secret.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset Time { get; set; }

    /// <summary>The user name, or null for an anonymous caller (a failed sign-in names the attempted user in <see cref="Target"/>).</summary>
    public string? Actor { get; set; }

    /// <summary>Dotted verb, e.g. <c>auth.sign-in</c>, <c>token.create</c>, <c>repository.update</c>, <c>content.upload</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to, e.g. a repository name, <c>go-hosted/example.com/a@v1.0.0</c>, a user or role name.</summary>
    public string? Target { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>Short free text (no secrets), e.g. "role admin added".</summary>
    public string? Details { get; set; }

    public string? RemoteAddress { get; set; }
}
