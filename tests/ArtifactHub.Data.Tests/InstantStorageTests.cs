using ArtifactHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data.Tests;

/// <summary>Instants are stored as UTC ticks: exact to the tick, compared and ordered by the database as instants.</summary>
public abstract class InstantStorageTests(TestDatabases databases) : IDisposable
{
    [Fact]
    public async Task Instants_round_trip_to_the_tick_and_the_database_orders_and_compares_them_as_instants()
    {
        // Later in local time but earlier as an instant: 10:00+02:00 is 08:00 UTC.
        var early = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(1);
        var middle = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        var late = new DateTimeOffset(2026, 11, 22, 5, 30, 0, TimeSpan.FromHours(-5));
        await using (var db = await databases.MigratedAsync())
        {
            db.AuditEntries.AddRange(Entry("late", late), Entry("early", early), Entry("middle", middle));
            await db.SaveChangesAsync();
        }

        await using (var db = databases.Open())
        {
            var ordered = await db.AuditEntries.OrderBy(e => e.Time).ToListAsync();
            Assert.Equal(["early", "middle", "late"], ordered.Select(e => e.Action));
            Assert.Equal([early, middle, late], ordered.Select(e => e.Time));
            Assert.All(ordered, e => Assert.Equal(TimeSpan.Zero, e.Time.Offset));
            Assert.Equal(["middle", "late"], await db.AuditEntries.Where(e => e.Time >= middle).OrderBy(e => e.Time).Select(e => e.Action).ToListAsync());
            Assert.Equal([early.UtcTicks], await db.Database.SqlQueryRaw<long>("""SELECT "Time" AS "Value" FROM "audit_entries" WHERE "Action" = 'early'""").ToListAsync());
        }
    }

    private static AuditEntry Entry(string action, DateTimeOffset time) => new() { Action = action, Time = time, Succeeded = true };

    public void Dispose() => databases.Dispose();
}

public sealed class InstantStorageOnSqliteTests() : InstantStorageTests(new TempDatabase());

public sealed class InstantStorageOnPostgreSqlTests() : InstantStorageTests(new PostgreSqlDatabases());
