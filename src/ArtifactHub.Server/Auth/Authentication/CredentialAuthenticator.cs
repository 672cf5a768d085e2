using Microsoft.AspNetCore.Authentication;

namespace ArtifactHub.Server.Auth.Authentication;

/// <summary>
/// What the Basic and Bearer handlers share: check a password or a token, build the caller, and on failure note why
/// (for the 401), audit and log it (successes are not audited: they come with every request).
/// </summary>
public sealed class CredentialAuthenticator(
    PasswordSignIn passwords,
    TokenSignIn tokens,
    PrincipalFactory principals,
    FailedPasswordLimiter failedPasswords,
    SignInAudit audit,
    ILogger<CredentialAuthenticator> logger)
{
    public async Task<AuthenticateResult> PasswordAsync(HttpContext context, string scheme, string userName, string password)
    {
        var address = FailedPasswordLimiter.AddressOf(context);
        if (failedPasswords.LockedOut(address) is { } retryAfter)
        {
            // Not audited one by one: the failures that led here were.
            logger.LogDebug("Password sign-in for {UserName} from {RemoteAddress} refused unchecked: too many failures", userName, address);
            return Fail(context, new CredentialFailure(CredentialFailureKind.TooManyFailures, retryAfter));
        }

        var check = await passwords.CheckAsync(userName, password, context.RequestAborted);
        if (check.User is null)
        {
            failedPasswords.Failed(address);
            await audit.FailedAsync(context, userName, $"password ({scheme}): {check.Failure}");
            return Fail(context, new CredentialFailure(CredentialFailureKind.Password));
        }

        var principal = await principals.CreateAsync(check.User, scheme, token: null, context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, scheme));
    }

    /// <param name="loginName">With HTTP Basic, the user name that came with the token; it must name the token's owner.</param>
    public async Task<AuthenticateResult> TokenAsync(HttpContext context, string scheme, string token, string? loginName)
    {
        var check = await tokens.CheckAsync(token, loginName, context.RequestAborted);
        if (!check.Succeeded)
        {
            await audit.FailedAsync(context, check.OwnerName, $"{check.Label} ({scheme}): {check.Failure}");
            return Fail(context, new CredentialFailure(CredentialFailureKind.Token));
        }

        var principal = await principals.CreateAsync(check.User!, scheme, check.Token, context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, scheme));
    }

    public static AuthenticateResult Fail(HttpContext context, CredentialFailure failure)
    {
        failure.NoteOn(context);
        return AuthenticateResult.Fail(failure.Message);
    }
}
