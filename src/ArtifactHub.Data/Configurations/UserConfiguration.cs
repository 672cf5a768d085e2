using ArtifactHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtifactHub.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    /// <summary>
    /// User and role names are unique without regard to case, and every comparison with them ignores case too
    /// (<c>u.UserName == name</c> finds "Admin" for "admin"). SQLite's NOCASE folds ASCII only, which is all
    /// <see cref="UserNameRule"/> allows. Other providers bring their own collation under this name in their own
    /// migrations (PostgreSQL: a nondeterministic ICU collation <c>"NOCASE"</c>, or citext).
    /// </summary>
    public const string CaseInsensitive = "NOCASE";

    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.UserName).HasMaxLength(128).UseCollation(CaseInsensitive);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.Property(u => u.DisplayName).HasMaxLength(128);
        builder.Property(u => u.Email).HasMaxLength(256);
        builder.Property(u => u.PasswordHash).HasMaxLength(512);
        builder.HasMany(u => u.Roles).WithOne().HasForeignKey(ur => ur.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
