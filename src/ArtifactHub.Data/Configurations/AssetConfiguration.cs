using ArtifactHub.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtifactHub.Data.Configurations;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.ToTable("assets");
        builder.Property(a => a.Path).HasMaxLength(1024);
        builder.Property(a => a.Kind).HasMaxLength(32);
        builder.Property(a => a.BlobSha256).HasMaxLength(64);
        builder.Property(a => a.ContentType).HasMaxLength(128);
        builder.Property(a => a.FormatHash).HasMaxLength(128);
        builder.HasIndex(a => new { a.RepositoryId, a.Path }).IsUnique();
        builder.HasIndex(a => a.BlobSha256);
        builder.HasOne(a => a.Repository).WithMany().HasForeignKey(a => a.RepositoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Component).WithMany(c => c.Assets).HasForeignKey(a => a.ComponentId).OnDelete(DeleteBehavior.Cascade);
    }
}
