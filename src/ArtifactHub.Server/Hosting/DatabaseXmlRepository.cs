using System.Xml.Linq;
using ArtifactHub.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Hosting;

/// <summary>
/// Data Protection's key ring in the database (table <c>data_protection_keys</c>), so that every node sharing the
/// database reads what any of them protected: session cookies, antiforgery tokens, stored upstream credentials.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArtifactHubDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArtifactHubDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    /// <summary>
    /// The key files of a version that kept them in <c>{DataDir}/keys</c>, copied in once while the table is empty, so that
    /// upstream credentials protected with them stay readable. The files are left where they are.
    /// </summary>
    public static async Task<int> ImportKeyFilesAsync(ArtifactHubDbContext db, string keysDir, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(keysDir) || await db.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var files = Directory.GetFiles(keysDir, "*.xml").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var element = XElement.Load(file);
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = element.ToString(SaveOptions.DisableFormatting) });
        }

        await db.SaveChangesAsync(cancellationToken);
        return files.Count;
    }
}
