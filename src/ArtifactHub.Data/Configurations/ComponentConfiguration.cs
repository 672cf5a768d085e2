using ArtifactHub.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtifactHub.Data.Configurations;

internal sealed class ComponentConfiguration : IEntityTypeConfiguration<Component>
{
    public void Configure(EntityTypeBuilder<Component> builder)
    {
        builder.ToTable("components");
        builder.Property(c => c.Name).HasMaxLength(512);
        builder.Property(c => c.Version).HasMaxLength(256);
        builder.HasIndex(c => new { c.RepositoryId, c.Name, c.Version }).IsUnique();
        builder.Property(c => c.DownloadCount).HasDefaultValue(0L); // rows from before the column existed start at 0
        builder.HasOne(c => c.Repository).WithMany().HasForeignKey(c => c.RepositoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
