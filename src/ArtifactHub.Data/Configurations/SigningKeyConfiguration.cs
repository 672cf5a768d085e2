using ArtifactHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtifactHub.Data.Configurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.ToTable("signing_keys");
        builder.Property(k => k.Purpose).HasMaxLength(32);
        builder.Property(k => k.VerifierKey).HasMaxLength(256);
        builder.HasIndex(k => k.Purpose).IsUnique();
    }
}
