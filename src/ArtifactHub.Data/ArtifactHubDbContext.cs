using ArtifactHub.Core.Content;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data;

public sealed class ArtifactHubDbContext(DbContextOptions<ArtifactHubDbContext> options) : DbContext(options)
{
    public DbSet<Repository> Repositories => Set<Repository>();

    public DbSet<Component> Components => Set<Component>();

    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Role> Roles => Set<Role>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SecuritySettings> SecuritySettings => Set<SecuritySettings>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ArtifactHubDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as UTC ticks: sortable and comparable in SQL on every provider, unlike SQLite's text DateTimeOffset.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
