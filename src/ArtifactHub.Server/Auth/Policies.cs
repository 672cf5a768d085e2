using ArtifactHub.Core.Security;

namespace ArtifactHub.Server.Auth;

/// <summary>
/// Authorization policy names. Every endpoint names one of these (or allows anonymous callers explicitly); the
/// requirements behind them live in <c>Auth/Authorization</c>.
/// </summary>
public static class Policies
{
    /// <summary>Create, change and delete repositories.</summary>
    public const string ManageRepositories = Privilege.ManageRepositories;

    /// <summary>Users, roles, other users' tokens, security settings.</summary>
    public const string ManageSecurity = Privilege.ManageSecurity;

    /// <summary>Read the audit log.</summary>
    public const string ReadAudit = Privilege.ReadAudit;

    /// <summary>Read the repository named in the route (<c>{repository}</c> or <c>{name}</c>): content, its API row, browsing.</summary>
    public const string ReadRepository = "repository.read";

    /// <summary>Upload to the repository named in the route.</summary>
    public const string WriteRepository = "repository.write";

    /// <summary>Delete content of the repository named in the route.</summary>
    public const string DeleteRepository = "repository.delete";

    /// <summary>A signed-in caller, or an anonymous one while anonymous access is on (what each may see is decided per item).</summary>
    public const string AnyCaller = "caller";

    /// <summary>A signed-in caller (password, session or token).</summary>
    public const string Authenticated = "authenticated";

    /// <summary>A signed-in caller that did not come with a scoped token: a scoped token must not mint or manage tokens.</summary>
    public const string ManageOwnTokens = "tokens.own";
}
