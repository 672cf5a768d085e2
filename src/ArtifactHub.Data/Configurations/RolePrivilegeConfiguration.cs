using ArtifactHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtifactHub.Data.Configurations;

internal sealed class RolePrivilegeConfiguration : IEntityTypeConfiguration<RolePrivilege>
{
    public void Configure(EntityTypeBuilder<RolePrivilege> builder)
    {
        builder.ToTable("role_privileges");
        builder.Property(p => p.Value).HasMaxLength(128);
        builder.HasIndex(p => new { p.RoleId, p.Value }).IsUnique();
    }
}
