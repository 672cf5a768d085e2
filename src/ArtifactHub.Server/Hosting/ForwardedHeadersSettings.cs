using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Hosting;

/// <summary>
/// Configuration section "ArtifactHub:ForwardedHeaders": the reverse proxies (nginx, an ingress) whose
/// X-Forwarded-For and X-Forwarded-Proto are believed, so that the audit log and the sign-in rate limits see the
/// client's address rather than the proxy's. Empty (the default): the headers are ignored, since any client could send them.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ArtifactHub:ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. "10.0.0.0/8".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to believe (nginx in front of an ingress is 2).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public string? Problem()
    {
        var badProxy = KnownProxies.FirstOrDefault(p => !IPAddress.TryParse(p, out _));
        if (badProxy is not null)
        {
            return $"{Section}:KnownProxies: '{badProxy}' is not an IP address";
        }

        var badNetwork = KnownNetworks.FirstOrDefault(n => !System.Net.IPNetwork.TryParse(n, out _));
        if (badNetwork is not null)
        {
            return $"{Section}:KnownNetworks: '{badNetwork}' is not a network in CIDR form (such as 10.0.0.0/8)";
        }

        return ForwardLimit < 1 ? $"{Section}:ForwardLimit must be 1 or more" : null;
    }
}

public static class ForwardedHeadersExtensions
{
    public static IServiceCollection AddTrustedForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForwardedHeadersSettings>()
            .Bind(configuration.GetSection(ForwardedHeadersSettings.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidation>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = settings.Value.ForwardLimit;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, and only when proxies are configured.</summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled
            ? app.UseForwardedHeaders()
            : app;
}

internal sealed class ForwardedHeadersSettingsValidation : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
