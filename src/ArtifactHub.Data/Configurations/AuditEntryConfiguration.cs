using ArtifactHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtifactHub.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const int ActorLength = 256;
    public const int ActionLength = 64;
    public const int TargetLength = 256;
    public const int DetailsLength = 1024;
    public const int RemoteAddressLength = 64;

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(e => e.Actor).HasMaxLength(ActorLength);
        builder.Property(e => e.Action).HasMaxLength(ActionLength);
        builder.Property(e => e.Target).HasMaxLength(TargetLength);
        builder.Property(e => e.Details).HasMaxLength(DetailsLength);
        builder.Property(e => e.RemoteAddress).HasMaxLength(RemoteAddressLength);
        builder.HasIndex(e => e.Time);
        builder.HasIndex(e => e.Actor);
        builder.HasIndex(e => e.Action);
    }
}
