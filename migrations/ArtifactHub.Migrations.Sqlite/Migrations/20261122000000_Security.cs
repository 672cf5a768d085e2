using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ArtifactHub.Migrations.Sqlite.Migrations;

/// <summary>
/// Users with roles, roles with privileges, API tokens, the audit log, security settings, and per-repository
/// anonymous read. Written by hand like <see cref="Initial"/>; ModelAndMigrationsAgreeTests and
/// SecurityMigrationTests keep it honest.
/// </summary>
[DbContext(typeof(ArtifactHubDbContext))]
[Migration("20261122000000_Security")]
public sealed class Security : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Existing repositories stay readable without credentials, as they were.
        migrationBuilder.AddColumn<bool>("AnonymousRead", "repositories", type: "INTEGER", nullable: false, defaultValue: true);

        // users: PasswordHash becomes nullable (service accounts) and UserName ignores case. SQLite cannot alter a
        // column, and EF's automatic table rebuild needs a target model that hand-written migrations lack, so the table
        // is rebuilt here: before any table refers to it, so dropping the old one cascades to nothing.
        migrationBuilder.CreateTable(
            name: "ef_temp_users",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false, collation: "NOCASE"),
                DisplayName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                PasswordHash = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                Disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_users", x => x.Id));
        migrationBuilder.Sql(
            """
            INSERT INTO "ef_temp_users" ("Id", "UserName", "DisplayName", "Email", "PasswordHash", "Disabled", "CreatedAt")
            SELECT "Id", "UserName", NULL, NULL, "PasswordHash", 0, "CreatedAt" FROM "users";
            """);
        migrationBuilder.DropTable("users");
        migrationBuilder.RenameTable("ef_temp_users", newName: "users");

        migrationBuilder.CreateTable(
            name: "roles",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false, collation: "NOCASE"),
                Description = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                BuiltIn = table.Column<bool>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_roles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "role_privileges",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                RoleId = table.Column<int>(type: "INTEGER", nullable: false),
                Value = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_role_privileges", x => x.Id);
                table.ForeignKey("FK_role_privileges_roles_RoleId", x => x.RoleId, "roles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_roles",
            columns: table => new
            {
                UserId = table.Column<int>(type: "INTEGER", nullable: false),
                RoleId = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_user_roles", x => new { x.UserId, x.RoleId });
                table.ForeignKey("FK_user_roles_roles_RoleId", x => x.RoleId, "roles", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_user_roles_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "api_tokens",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<int>(type: "INTEGER", nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Scope = table.Column<string>(type: "TEXT", nullable: true),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_api_tokens", x => x.Id);
                table.ForeignKey("FK_api_tokens_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Time = table.Column<long>(type: "INTEGER", nullable: false),
                Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Target = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                Details = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                RemoteAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_audit_entries", x => x.Id));

        migrationBuilder.CreateTable(
            name: "security_settings",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false),
                AnonymousAccess = table.Column<bool>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_security_settings", x => x.Id));

        migrationBuilder.CreateIndex("IX_users_UserName", "users", "UserName", unique: true);
        migrationBuilder.CreateIndex("IX_roles_Name", "roles", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_role_privileges_RoleId_Value", "role_privileges", ["RoleId", "Value"], unique: true);
        migrationBuilder.CreateIndex("IX_user_roles_RoleId", "user_roles", "RoleId");
        migrationBuilder.CreateIndex("IX_api_tokens_Hash", "api_tokens", "Hash", unique: true);
        migrationBuilder.CreateIndex("IX_api_tokens_UserId", "api_tokens", "UserId");
        migrationBuilder.CreateIndex("IX_audit_entries_Action", "audit_entries", "Action");
        migrationBuilder.CreateIndex("IX_audit_entries_Actor", "audit_entries", "Actor");
        migrationBuilder.CreateIndex("IX_audit_entries_Time", "audit_entries", "Time");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("security_settings");
        migrationBuilder.DropTable("audit_entries");
        migrationBuilder.DropTable("api_tokens");
        migrationBuilder.DropTable("user_roles");
        migrationBuilder.DropTable("role_privileges");
        migrationBuilder.DropTable("roles");

        // Back to the Initial users table; a service account (no password) gets an empty hash that matches nothing.
        migrationBuilder.CreateTable(
            name: "ef_temp_users",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                PasswordHash = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_users", x => x.Id));
        migrationBuilder.Sql(
            """
            INSERT INTO "ef_temp_users" ("Id", "UserName", "PasswordHash", "CreatedAt")
            SELECT "Id", "UserName", COALESCE("PasswordHash", ''), "CreatedAt" FROM "users";
            """);
        migrationBuilder.DropTable("users");
        migrationBuilder.RenameTable("ef_temp_users", newName: "users");
        migrationBuilder.CreateIndex("IX_users_UserName", "users", "UserName", unique: true);

        // SQLite 3.35 and later drop a column in place (EF would want a target model to rebuild the table).
        migrationBuilder.Sql("""ALTER TABLE "repositories" DROP COLUMN "AnonymousRead";""");
    }
}
