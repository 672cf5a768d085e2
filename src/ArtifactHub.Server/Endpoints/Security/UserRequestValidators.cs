using ArtifactHub.Core.Security;
using FluentValidation;

namespace ArtifactHub.Server.Endpoints.Security;

public sealed class UserCreateRequestValidator : AbstractValidator<UserCreateRequest>
{
    public UserCreateRequestValidator()
    {
        RuleFor(u => u.UserName).NotEmpty().Must(UserNameRule.IsValid).WithMessage(UserRules.NameMessage);
        RuleFor(u => u.DisplayName).MaximumLength(UserRules.DisplayNameMaxLength);
        RuleFor(u => u.Email).MaximumLength(UserRules.EmailMaxLength).EmailAddress().When(u => !string.IsNullOrEmpty(u.Email));
        RuleFor(u => u.Password).Length(UserRules.PasswordMinLength, UserRules.PasswordMaxLength).When(u => u.Password is not null);
        RuleForEach(u => u.Roles).NotEmpty();
    }
}

public sealed class UserUpdateRequestValidator : AbstractValidator<UserUpdateRequest>
{
    public UserUpdateRequestValidator()
    {
        RuleFor(u => u.DisplayName).MaximumLength(UserRules.DisplayNameMaxLength);
        RuleFor(u => u.Email).MaximumLength(UserRules.EmailMaxLength).EmailAddress().When(u => !string.IsNullOrEmpty(u.Email));
        RuleFor(u => u.Password).Length(UserRules.PasswordMinLength, UserRules.PasswordMaxLength).When(u => u.Password is not null);
        RuleForEach(u => u.Roles).NotEmpty();
    }
}

public static class UserRules
{
    public const string NameMessage = "A user name is 1 to 64 of letters, digits, '.', '_', '-', '@', starting with a letter or digit.";
    public const int DisplayNameMaxLength = 128;
    public const int EmailMaxLength = 256;
    public const int PasswordMinLength = 12;
    public const int PasswordMaxLength = 1024;
}
