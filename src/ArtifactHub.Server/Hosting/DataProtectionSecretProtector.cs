using System.Security.Cryptography;
using ArtifactHub.Core;
using ArtifactHub.Core.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Hosting;

/// <summary>Upstream passwords and tokens, protected with ASP.NET Core Data Protection before they are stored.</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector protector = provider.CreateProtector("ArtifactHub.UpstreamCredentials");

    public string Protect(string secret) => protector.Protect(secret);

    public string? TryUnprotect(string protectedSecret)
    {
        try
        {
            return protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

public static class SecretProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Data Protection with its key ring in {DataDir}/keys and a fixed application name, so what was protected
    /// is readable after a restart and by every node sharing the data folder. Lose the keys and the stored
    /// upstream credentials must be set again.
    /// </summary>
    public static IServiceCollection AddSecretProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("ArtifactHub");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<ArtifactHubOptions>, ILoggerFactory>((keys, options, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(options.Value.FullDataDir, "keys")), logs));
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return services;
    }
}
