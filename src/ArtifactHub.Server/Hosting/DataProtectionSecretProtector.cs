using System.Security.Cryptography;
using ArtifactHub.Core.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

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
    /// Data Protection with its key ring in the database (<see cref="DatabaseXmlRepository"/>) and a fixed application
    /// name, so what was protected is readable after a restart and by every node sharing the database. Lose the keys and
    /// the stored upstream credentials must be set again.
    /// </summary>
    public static IServiceCollection AddSecretProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("ArtifactHub");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((keys, scopes) => keys.XmlRepository = new DatabaseXmlRepository(scopes));
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return services;
    }
}
