using ArtifactHub.Core.Security;
using FluentValidation;

namespace ArtifactHub.Server.Endpoints.Security;

public sealed class RoleCreateRequestValidator : AbstractValidator<RoleCreateRequest>
{
    public RoleCreateRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().Must(UserNameRule.IsValid).WithMessage(RoleRules.NameMessage);
        RuleFor(r => r.Description).MaximumLength(RoleRules.DescriptionMaxLength);
        RuleFor(r => r.Privileges).NotNull();
        RuleForEach(r => r.Privileges).Must(RoleRules.IsPrivilege).WithMessage(RoleRules.PrivilegeMessage);
    }
}

public sealed class RoleUpdateRequestValidator : AbstractValidator<RoleUpdateRequest>
{
    public RoleUpdateRequestValidator()
    {
        RuleFor(r => r.Name).Must(UserNameRule.IsValid).When(r => r.Name is not null).WithMessage(RoleRules.NameMessage);
        RuleFor(r => r.Description).MaximumLength(RoleRules.DescriptionMaxLength);
        RuleForEach(r => r.Privileges).Must(RoleRules.IsPrivilege).WithMessage(RoleRules.PrivilegeMessage);
    }
}

public static class RoleRules
{
    public const string NameMessage = "A role name is 1 to 64 of letters, digits, '.', '_', '-', '@', starting with a letter or digit.";
    public const int DescriptionMaxLength = 512;

    public static readonly string PrivilegeMessage =
        $"'{{PropertyValue}}' is not a privilege: use repository:{{name or glob}}:{{read|write|delete|admin}} or one of {string.Join(", ", Privilege.Globals)}.";

    public static bool IsPrivilege(string? text) => Privilege.TryParse(text, out _);

    /// <summary>The canonical text of each privilege, once each.</summary>
    public static List<string> Normalize(IEnumerable<string> privileges) =>
        privileges.Select(p => Privilege.Parse(p).ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Callers without credentials may only ever read: the anonymous role holds repository read privileges and nothing else.</summary>
    public static string[] AnonymousProblems(IEnumerable<string> privileges) =>
        privileges.Where(p => Privilege.Parse(p) is not Privilege.OnRepository { Action: RepositoryAction.Read })
            .Select(p => $"The role 'anonymous' may hold only repository read privileges (repository:{{glob}}:read), not '{p}'.")
            .ToArray();
}
