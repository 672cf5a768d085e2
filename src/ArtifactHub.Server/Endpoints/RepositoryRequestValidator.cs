using ArtifactHub.Core.Repositories;
using FluentValidation;

namespace ArtifactHub.Server.Endpoints;

/// <summary>The rules every repository shares, whatever its format (<see cref="RepositoryRules"/> adds the rest).</summary>
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
        RuleFor(r => r.Proxy).Null().When(r => r.Type is not null and not RepositoryType.Proxy)
            .WithMessage("Proxy settings apply only to proxy repositories.");
        RuleFor(r => r.Proxy).NotNull().When(r => r.Type == RepositoryType.Proxy)
            .WithMessage("A proxy repository needs proxy settings with an upstream URL.");
        RuleFor(r => r.Proxy!).SetValidator(new ProxySettingsValidator()).When(r => r.Proxy is not null);
        RuleFor(r => r.Group).Null().When(r => r.Type is not null and not RepositoryType.Group)
            .WithMessage("Group settings apply only to group repositories.");
        RuleFor(r => r.Group).NotNull().When(r => r.Type == RepositoryType.Group)
            .WithMessage("A group repository needs group settings with its members.");
        RuleFor(r => r.Group!.Members).NotNull().When(r => r.Group is not null).WithMessage("A group needs its members.");
        RuleForEach(r => r.Group!.Members).NotEmpty().When(r => r.Group?.Members is not null).WithMessage("A member's name may be neither null nor empty.");
    }
}

public sealed class ProxySettingsValidator : AbstractValidator<ProxySettings>
{
    public ProxySettingsValidator()
    {
        RuleFor(p => p.Upstream).Must(IsHttpUrl).WithMessage("Upstream must be an absolute http or https URL.");
        RuleFor(p => p.MetadataMaxAgeMinutes).GreaterThanOrEqualTo(0);
        RuleFor(p => p.NegativeCacheMinutes).GreaterThanOrEqualTo(0);
        RuleFor(p => p.ConnectTimeoutSeconds).InclusiveBetween(1, 600);
        RuleFor(p => p.ReadTimeoutSeconds).InclusiveBetween(1, 3600);
        RuleForEach(p => p.Allow).NotEmpty();
        RuleForEach(p => p.Block).NotEmpty();
        RuleForEach(p => p.ChecksumDatabases).NotNull().WithMessage("A checksum database is an object with a name and a url, not null.");
        RuleForEach(p => p.ChecksumDatabases).ChildRules(db =>
        {
            db.RuleFor(d => d.Name).Must(ChecksumDatabase.IsValidName)
                .WithMessage("A checksum database name is a host name such as sum.golang.org (letters, digits, dots, dashes).");
            db.RuleFor(d => d.Url).Must(IsHttpUrl).WithMessage("A checksum database URL must be an absolute http or https URL.");
            db.RuleFor(d => d.LatestMaxAgeSeconds).GreaterThanOrEqualTo(0);
        });
        RuleFor(p => p.ChecksumDatabases).Must(list => list is null || list.Select(d => d?.Name?.ToLowerInvariant()).Distinct().Count() == list.Count)
            .WithMessage("Each checksum database name may appear once.");
        RuleForEach(p => p.MetadataPaths).NotEmpty();
        RuleFor(p => p.VerifySidecar).Must(s => s is null || (s.Length is > 1 and <= 32 && s[0] == '.' && s.Skip(1).All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
            .WithMessage("A sidecar suffix is a file name ending such as .sha256 (a dot, then up to 31 letters, digits, dots, dashes or underscores).");
        When(p => p.Authentication is not null, () =>
        {
            RuleFor(p => p.Authentication!.Type).Must(UpstreamAuthentication.IsKnownType).WithMessage("Authentication type must be basic, bearer or none.");
            RuleFor(p => p.Authentication!.ProtectedSecret).Null().WithMessage("protectedSecret is kept by the server; send a password or token.");
        });
        When(p => p.Authentication is { Type: UpstreamAuthentication.Basic }, () =>
        {
            RuleFor(p => p.Authentication!.Username).NotEmpty().Must(u => u is null || !u.Any(c => c == ':' || char.IsControl(c)))
                .WithMessage("A basic user name may hold neither ':' nor control characters.");
            RuleFor(p => p.Authentication!.Password).NotEmpty().WithMessage("Basic authentication needs a password.");
        });
        When(p => p.Authentication is { Type: UpstreamAuthentication.Bearer }, () =>
            RuleFor(p => p.Authentication!.Token).NotEmpty().Must(t => t is null || !t.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                .WithMessage("Bearer authentication needs a token without spaces or control characters."));
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Query == "";
}
