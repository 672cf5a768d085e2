using ArtifactHub.Core.Security;
using FluentValidation;

namespace ArtifactHub.Server.Endpoints.Security;

public sealed class TokenCreateRequestValidator : AbstractValidator<TokenCreateRequest>
{
    public const int MaxDays = 3650;

    public TokenCreateRequestValidator(TimeProvider clock)
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(128);
        RuleFor(t => t.ExpiresAt).Null().When(t => t.ExpiresInDays is not null).WithMessage("Send expiresAt or expiresInDays, not both.");
        RuleFor(t => t.ExpiresAt).Must(at => at > clock.GetUtcNow()).When(t => t.ExpiresAt is not null).WithMessage("expiresAt must be in the future.");
        RuleFor(t => t.ExpiresAt).Must(at => at <= clock.GetUtcNow().AddDays(MaxDays)).When(t => t.ExpiresAt is not null)
            .WithMessage($"expiresAt may be at most {MaxDays} days ahead.");
        RuleFor(t => t.ExpiresInDays).InclusiveBetween(1, MaxDays).When(t => t.ExpiresInDays is not null);
        RuleForEach(t => t.Scope).Must(RoleRules.IsPrivilege).WithMessage(RoleRules.PrivilegeMessage);
        RuleFor(t => t.UserName).Must(UserNameRule.IsValid).When(t => t.UserName is not null).WithMessage(UserRules.NameMessage);
    }
}
