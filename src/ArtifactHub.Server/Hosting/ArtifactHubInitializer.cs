using ArtifactHub.Core;
using ArtifactHub.Core.Content;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using ArtifactHub.Formats.Go;
using ArtifactHub.Server.Auth;
using ArtifactHub.Server.Bundles;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Hosting;

public static class ArtifactHubInitializer
{
    /// <summary>
    /// Applies migrations; makes sure the security settings, the built-in roles and the admin account exist and that
    /// some enabled user holds the admin role; on a new database creates the default repositories. Nodes starting together
    /// on one database take turns (a cluster lock), so the defaults and the first Data Protection key are made once.
    /// </summary>
    public static async Task InitializeArtifactHubAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArtifactHubDbContext>();
        await EnsureDatabaseExistsAsync(db); // the lock needs a connection to it
        await using var turn = await scope.ServiceProvider.GetRequiredService<IClusterLock>().AcquireAsync("server-initialization", CancellationToken.None);
        var fresh = !(await db.Database.GetAppliedMigrationsAsync()).Any();
        await db.Database.MigrateAsync();
        var keysDir = Path.Combine(scope.ServiceProvider.GetRequiredService<IOptions<ArtifactHubOptions>>().Value.FullDataDir, "keys");
        if (await DatabaseXmlRepository.ImportKeyFilesAsync(db, keysDir, CancellationToken.None) is > 0 and var imported)
        {
            app.Logger.LogInformation("Imported {Count} Data Protection key(s) from {Folder} into the database", imported, keysDir);
        }

        // Makes the key ring's first key now, under the lock, rather than one per node on their first requests.
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("ArtifactHub.KeyRing").Protect([0]);

        await BuiltInSecurity.EnsureAsync(db, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<ServerSigningKey>().EnsureAsync(CancellationToken.None); // once, for every node
        await scope.ServiceProvider.GetRequiredService<AdminAccount>().EnsureAsync(CancellationToken.None);
        if (await BuiltInSecurity.EnsureAnAdministratorAsync(db, AdminAccount.UserName, CancellationToken.None) is { } administrator)
        {
            // An upgrade from the version without roles, or nobody left who could manage the server.
            app.Logger.LogWarning("No enabled user held the role '{Role}': gave it to '{User}' (and enabled the account)", Role.Admin, administrator.UserName);
        }

        if (fresh)
        {
            // One GOPROXY line for a developer: go-group = private modules from go-hosted, public ones through go-proxy.
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var go = scope.ServiceProvider.GetRequiredService<RepositoryFormats>().Find(GoFormat.Name)!;
            Repository Go(string name, RepositoryType type, RepositorySettings settings) => new()
            {
                Name = name,
                Format = GoFormat.Name,
                Type = type,
                Settings = go.WithDefaults(type, settings.ForType(type)).ToJson(),
                CreatedAt = now,
                UpdatedAt = now,
            };

            db.Repositories.AddRange(
                Go("go-hosted", RepositoryType.Hosted, new RepositorySettings()),
                Go("go-proxy", RepositoryType.Proxy, new RepositorySettings { Proxy = new ProxySettings { Upstream = "https://proxy.golang.org" } }),
                Go("go-group", RepositoryType.Group, new RepositorySettings { Group = new GroupSettings { Members = ["go-hosted", "go-proxy"] } }));
            await db.SaveChangesAsync();
            app.Logger.LogInformation("New database: created go-hosted, go-proxy (https://proxy.golang.org) and go-group (go-hosted, go-proxy)");
        }
    }

    /// <summary>Creates the database itself when the server may and it is missing, as migrating would; another node may win.</summary>
    private static async Task EnsureDatabaseExistsAsync(ArtifactHubDbContext db)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync())
        {
            return;
        }

        try
        {
            await creator.CreateAsync();
        }
        catch (Exception) when (creator.Exists())
        {
            // Another node created it first.
        }
    }
}
