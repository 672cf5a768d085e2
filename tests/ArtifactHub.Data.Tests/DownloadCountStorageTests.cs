using ArtifactHub.Core.Content;
using ArtifactHub.Core.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ArtifactHub.Data.Tests;

/// <summary>The DownloadCounts migration on every provider, and the increment that nodes sharing a database use.</summary>
public abstract class DownloadCountStorageTests(TestDatabases databases) : IDisposable
{
    private const string Before = "20261123000000_DataProtectionKeys";

    [Fact]
    public async Task Upgrading_keeps_the_versions_with_no_downloads_and_the_upgrade_can_be_undone()
    {
        await using (var db = databases.Open("before.db"))
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
        }

        await using (var db = databases.Open())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO repositories ("Name", "Format", "Type", "Online", "Settings", "CreatedAt", "UpdatedAt") VALUES ('old', 'go', 'Hosted', TRUE, '', 1, 2)""");
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO components ("RepositoryId", "Name", "Version", "CreatedAt") SELECT "Id", 'example.com/old', 'v1.0.0', 3 FROM repositories""");

            await db.Database.MigrateAsync();
        }

        await using (var db = databases.Open())
        {
            var component = await db.Components.SingleAsync();
            Assert.Equal(("example.com/old", 0L), (component.Name, component.DownloadCount));

            await db.Components.AddDownloadsAsync([component.Id], 2, default);
            await db.GetService<IMigrator>().MigrateAsync(Before);
        }

        Assert.Equal(await databases.SchemaAsync("before.db"), await databases.SchemaAsync(TestDatabases.DefaultName));
        await using (var db = databases.Open())
        {
            await db.Database.MigrateAsync();
            Assert.Equal(0L, (await db.Components.SingleAsync()).DownloadCount);
        }
    }

    [Fact]
    public async Task Counts_added_by_two_nodes_at_once_add_up_and_a_deleted_version_is_skipped()
    {
        long kept, deleted;
        await using (var db = await databases.MigratedAsync())
        {
            var now = DateTimeOffset.UtcNow;
            var repository = new Repository { Name = "counted", Format = "go", Type = RepositoryType.Hosted, CreatedAt = now, UpdatedAt = now };
            db.Repositories.Add(repository);
            db.Components.AddRange(
                new Component { Repository = repository, Name = "example.com/a", Version = "v1.0.0", CreatedAt = now, DownloadCount = 5 },
                new Component { Repository = repository, Name = "example.com/b", Version = "v1.0.0", CreatedAt = now });
            await db.SaveChangesAsync();
            (kept, deleted) = (db.Components.Local.First(c => c.Name == "example.com/a").Id, db.Components.Local.First(c => c.Name == "example.com/b").Id);
            await db.Components.Where(c => c.Id == deleted).ExecuteDeleteAsync();
        }

        await using var node1 = databases.Open();
        await using var node2 = databases.Open();
        var updated = await Task.WhenAll(
            node1.Components.AddDownloadsAsync([kept, deleted], 3, default),
            node2.Components.AddDownloadsAsync([kept], 4, default));

        Assert.Equal([1, 1], updated);
        await using var reader = databases.Open();
        Assert.Equal(12L, (await reader.Components.SingleAsync(c => c.Id == kept)).DownloadCount);
    }

    public void Dispose() => databases.Dispose();
}

public sealed class DownloadCountStorageOnSqliteTests() : DownloadCountStorageTests(new TempDatabase());

public sealed class DownloadCountStorageOnPostgreSqlTests() : DownloadCountStorageTests(new PostgreSqlDatabases());
