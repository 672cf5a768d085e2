using ArtifactHub.Core.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtifactHub.Data.Configurations;

internal sealed class RepositoryConfiguration : IEntityTypeConfiguration<Repository>
{
    public void Configure(EntityTypeBuilder<Repository> builder)
    {
        builder.ToTable("repositories");
        builder.Property(r => r.Name).HasMaxLength(64);
        builder.HasIndex(r => r.Name).IsUnique();
        builder.Property(r => r.Format).HasMaxLength(32);
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(16);
        // Rows from before the column existed read as true. The sentinel is the default too, so EF always writes an
        // explicit false and leaves true to the database.
        builder.Property(r => r.AnonymousRead).HasDefaultValue(true).HasSentinel(true);
    }
}
