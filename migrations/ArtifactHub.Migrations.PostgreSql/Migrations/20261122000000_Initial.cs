using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ArtifactHub.Migrations.PostgreSql.Migrations;

/// <summary>
/// The whole schema as of the SQLite migrations Initial and Security: PostgreSQL support starts here, with no older
/// PostgreSQL databases to upgrade, so one migration creates it all. Later changes come as a migration in each
/// provider project. Written by hand (EF's Design package does not restore here); PostgreSqlModelAndMigrationsAgree
/// in ArtifactHub.Data.Tests fails when this schema and the EF model drift apart.
/// Instants are UTC ticks (bigint), keys are identity columns.
/// </summary>
[DbContext(typeof(ArtifactHubDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    private const string Identity = "Npgsql:ValueGenerationStrategy";
    private const NpgsqlValueGenerationStrategy ByDefault = NpgsqlValueGenerationStrategy.IdentityByDefaultColumn;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // User and role names ignore case (Collations.CaseInsensitive); a nondeterministic collation keeps unique
        // indexes and = working on them (PostgreSQL 12+). BINARY lets a search read them in plain order.
        migrationBuilder.Sql("""CREATE COLLATION IF NOT EXISTS "NOCASE" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);""");
        migrationBuilder.Sql("""CREATE COLLATION IF NOT EXISTS "BINARY" (provider = libc, locale = 'C', deterministic = true);""");

        migrationBuilder.CreateTable(
            name: "repositories",
            columns: table => new
            {
                Id = table.Column<int>(type: "integer", nullable: false).Annotation(Identity, ByDefault),
                Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                Format = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                Online = table.Column<bool>(type: "boolean", nullable: false),
                AnonymousRead = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                Settings = table.Column<string>(type: "text", nullable: false),
                CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_repositories", x => x.Id));

        migrationBuilder.CreateTable(
            name: "components",
            columns: table => new
            {
                Id = table.Column<long>(type: "bigint", nullable: false).Annotation(Identity, ByDefault),
                RepositoryId = table.Column<int>(type: "integer", nullable: false),
                Name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                Version = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                CreatedAt = table.Column<long>(type: "bigint", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_components", x => x.Id);
                table.ForeignKey("FK_components_repositories_RepositoryId", x => x.RepositoryId, "repositories", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "assets",
            columns: table => new
            {
                Id = table.Column<long>(type: "bigint", nullable: false).Annotation(Identity, ByDefault),
                RepositoryId = table.Column<int>(type: "integer", nullable: false),
                ComponentId = table.Column<long>(type: "bigint", nullable: true),
                Path = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                BlobSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                Size = table.Column<long>(type: "bigint", nullable: false),
                ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                FormatHash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                CreatedAt = table.Column<long>(type: "bigint", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_assets", x => x.Id);
                table.ForeignKey("FK_assets_components_ComponentId", x => x.ComponentId, "components", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_assets_repositories_RepositoryId", x => x.RepositoryId, "repositories", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                Id = table.Column<int>(type: "integer", nullable: false).Annotation(Identity, ByDefault),
                UserName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "NOCASE"),
                DisplayName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                PasswordHash = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                Disabled = table.Column<bool>(type: "boolean", nullable: false),
                CreatedAt = table.Column<long>(type: "bigint", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_users", x => x.Id));

        migrationBuilder.CreateTable(
            name: "roles",
            columns: table => new
            {
                Id = table.Column<int>(type: "integer", nullable: false).Annotation(Identity, ByDefault),
                Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "NOCASE"),
                Description = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                BuiltIn = table.Column<bool>(type: "boolean", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_roles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "role_privileges",
            columns: table => new
            {
                Id = table.Column<int>(type: "integer", nullable: false).Annotation(Identity, ByDefault),
                RoleId = table.Column<int>(type: "integer", nullable: false),
                Value = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
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
                UserId = table.Column<int>(type: "integer", nullable: false),
                RoleId = table.Column<int>(type: "integer", nullable: false),
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
                Id = table.Column<long>(type: "bigint", nullable: false).Annotation(Identity, ByDefault),
                UserId = table.Column<int>(type: "integer", nullable: false),
                Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                Scope = table.Column<string>(type: "text", nullable: true),
                CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                ExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                RevokedAt = table.Column<long>(type: "bigint", nullable: true),
                LastUsedAt = table.Column<long>(type: "bigint", nullable: true),
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
                Id = table.Column<long>(type: "bigint", nullable: false).Annotation(Identity, ByDefault),
                Time = table.Column<long>(type: "bigint", nullable: false),
                Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                Target = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                Details = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                RemoteAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_audit_entries", x => x.Id));

        migrationBuilder.CreateTable(
            name: "security_settings",
            columns: table => new
            {
                Id = table.Column<int>(type: "integer", nullable: false),
                AnonymousAccess = table.Column<bool>(type: "boolean", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_security_settings", x => x.Id));

        migrationBuilder.CreateIndex("IX_repositories_Name", "repositories", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_components_RepositoryId_Name_Version", "components", ["RepositoryId", "Name", "Version"], unique: true);
        migrationBuilder.CreateIndex("IX_assets_BlobSha256", "assets", "BlobSha256");
        migrationBuilder.CreateIndex("IX_assets_ComponentId", "assets", "ComponentId");
        migrationBuilder.CreateIndex("IX_assets_RepositoryId_Path", "assets", ["RepositoryId", "Path"], unique: true);
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
        migrationBuilder.DropTable("users");
        migrationBuilder.DropTable("assets");
        migrationBuilder.DropTable("components");
        migrationBuilder.DropTable("repositories");
        migrationBuilder.Sql("""DROP COLLATION IF EXISTS "BINARY";""");
        migrationBuilder.Sql("""DROP COLLATION IF EXISTS "NOCASE";""");
    }
}
