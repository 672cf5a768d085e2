using ArtifactHub.Core.Repositories;
using ArtifactHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Data.Tests;

public abstract class AuditLogTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private readonly TestDatabases databases;
    private readonly ServiceProvider services;

    protected AuditLogTests(TestDatabases databases)
    {
        this.databases = databases;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ArtifactHub:Database:Provider"] = databases.Provider.Name.ToUpperInvariant(), // names ignore case
                ["ArtifactHub:Database:ConnectionString"] = databases.ConnectionString(),
            })
            .Build();
        services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddArtifactHubData(configuration, databases.Provider)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    [Fact]
    public async Task An_entry_is_kept_when_the_callers_own_changes_fail()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArtifactHubDbContext>();
        await db.Database.MigrateAsync();
        db.Repositories.AddRange(Repository("same"), Repository("same"));

        await services.GetRequiredService<IAuditLog>().WriteAsync(new AuditEntry { Action = "repository.create", Actor = "alice", Target = "same", Succeeded = false });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var check = databases.Open();
        var entry = await check.AuditEntries.SingleAsync();
        Assert.Equal(("repository.create", "alice", "same", false, Now), (entry.Action, entry.Actor, entry.Target, entry.Succeeded, entry.Time));
        Assert.Empty(await check.Repositories.ToListAsync());
    }

    [Fact]
    public async Task Over_long_text_is_cut_to_fit_and_a_given_time_is_kept()
    {
        await using (var db = await databases.MigratedAsync())
        {
        }

        var time = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.FromHours(1));
        var log = services.GetRequiredService<IAuditLog>();
        Assert.IsType<AuditLog>(log);
        await log.WriteAsync(new AuditEntry
        {
            Time = time,
            Action = new string('a', 100),
            Actor = new string('b', 300),
            Target = new string('c', 300),
            Details = new string('d', 5000),
            RemoteAddress = new string('e', 100),
            Succeeded = true,
        });

        await using var check = databases.Open();
        var entry = await check.AuditEntries.SingleAsync();
        Assert.Equal((64, 256, 256, 1024, 64), (entry.Action.Length, entry.Actor!.Length, entry.Target!.Length, entry.Details!.Length, entry.RemoteAddress!.Length));
        Assert.Equal(new string('d', 1024), entry.Details);
        Assert.Equal(time, entry.Time);
        Assert.True(entry.Succeeded);
    }

    private static Repository Repository(string name) => new() { Name = name, Format = "go", Type = RepositoryType.Hosted, CreatedAt = Now, UpdatedAt = Now };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public void Dispose()
    {
        services.Dispose();
        databases.Dispose();
    }
}

public sealed class AuditLogOnSqliteTests() : AuditLogTests(new TempDatabase());

public sealed class AuditLogOnPostgreSqlTests() : AuditLogTests(new PostgreSqlDatabases());
