using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using FluentValidation;

namespace ArtifactHub.Server.Endpoints;

/// <summary>Rules for creating a repository; the format and type must have a handler on this server.</summary>
public sealed class RepositoryRequestValidator : AbstractValidator<RepositoryRequest>
{
    public RepositoryRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().Must(RepositoryName.IsValid).WithMessage($"Name must be {RepositoryName.Rule}.");
        RuleFor(r => r.Format).NotEmpty();
        RuleFor(r => r.Type).NotNull().IsInEnum();
        RuleFor(r => r.Hosted).Null().When(r => r.Type is not null and not RepositoryType.Hosted)
            .WithMessage("Hosted settings apply only to hosted repositories.");
        RuleFor(r => r.Hosted!.WritePolicy).IsInEnum().When(r => r.Hosted is not null);
    }

    /// <summary>Checks that need the server's registered formats.</summary>
    public static Dictionary<string, string[]> Supported(RepositoryRequest request, RepositoryHandlers handlers)
    {
        var errors = new Dictionary<string, string[]>();
        if (!handlers.Formats.Contains(request.Format!))
        {
            errors["format"] = [$"Unknown format '{request.Format}'. Known: {string.Join(", ", handlers.Formats)}."];
        }
        else if (!handlers.Supports(request.Format!, request.Type!.Value))
        {
            errors["type"] = [$"{request.Format} {request.Type.ToString()!.ToLowerInvariant()} repositories are not supported yet."];
        }

        return errors;
    }
}
