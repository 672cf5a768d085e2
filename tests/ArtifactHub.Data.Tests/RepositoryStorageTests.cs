using ArtifactHub.Core.Repositories;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data.Tests;

public abstract class RepositoryStorageTests(TestDatabases databases) : IDisposable
{

    /// <summary>The column defaults to true in the database; an explicit false must still be written.</summary>
    [Fact]
    public async Task Anonymous_read_is_stored_as_given_both_ways()
    {
        await using (var db = await databases.MigratedAsync())
        {
            var now = DateTimeOffset.UtcNow;
            db.Repositories.AddRange(
                new Repository { Name = "open", Format = "go", Type = RepositoryType.Hosted, CreatedAt = now, UpdatedAt = now },
                new Repository { Name = "closed", Format = "go", Type = RepositoryType.Hosted, AnonymousRead = false, CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        await using (var db = databases.Open())
        {
            Assert.True((await db.Repositories.SingleAsync(r => r.Name == "open")).AnonymousRead);
            var closed = await db.Repositories.SingleAsync(r => r.Name == "closed");
            Assert.False(closed.AnonymousRead);

            closed.AnonymousRead = true;
            await db.SaveChangesAsync();
        }

        await using (var db = databases.Open())
        {
            Assert.True((await db.Repositories.SingleAsync(r => r.Name == "closed")).AnonymousRead);
        }
    }

    public void Dispose() => databases.Dispose();
}

public sealed class RepositoryStorageOnSqliteTests() : RepositoryStorageTests(new TempDatabase());

public sealed class RepositoryStorageOnPostgreSqlTests() : RepositoryStorageTests(new PostgreSqlDatabases());
