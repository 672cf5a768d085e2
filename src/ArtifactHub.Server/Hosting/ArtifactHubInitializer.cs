using ArtifactHub.Core.Repositories;
using ArtifactHub.Data;
using ArtifactHub.Formats.Go;
using ArtifactHub.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Hosting;

public static class ArtifactHubInitializer
{
    /// <summary>Applies migrations, makes sure the admin account exists, and on a new database creates the default repositories.</summary>
    public static async Task InitializeArtifactHubAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArtifactHubDbContext>();
        var fresh = !(await db.Database.GetAppliedMigrationsAsync()).Any();
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<AdminAccount>().EnsureAsync(CancellationToken.None);

        if (fresh)
        {
            var now = DateTimeOffset.UtcNow;
            db.Repositories.Add(new Repository
            {
                Name = "go-hosted",
                Format = GoFormat.Name,
                Type = RepositoryType.Hosted,
                Settings = new RepositorySettings().ForType(RepositoryType.Hosted).ToJson(),
                CreatedAt = now,
                UpdatedAt = now,
            });
            await db.SaveChangesAsync();
            app.Logger.LogInformation("New database: created the hosted Go repository go-hosted");
        }
    }
}
