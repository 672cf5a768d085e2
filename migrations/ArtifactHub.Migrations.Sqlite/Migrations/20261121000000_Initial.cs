using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ArtifactHub.Migrations.Sqlite.Migrations;

/// <summary>
/// Written by hand (EF's Design package does not restore here). ModelAndMigrationsAgreeTests in
/// ArtifactHub.Data.Tests fails when this schema and the EF model drift apart.
/// </summary>
[DbContext(typeof(ArtifactHubDbContext))]
[Migration("20261121000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "repositories",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Format = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                Online = table.Column<bool>(type: "INTEGER", nullable: false),
                Settings = table.Column<string>(type: "TEXT", nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_repositories", x => x.Id));

        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                PasswordHash = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_users", x => x.Id));

        migrationBuilder.CreateTable(
            name: "components",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                RepositoryId = table.Column<int>(type: "INTEGER", nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                Version = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
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
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                RepositoryId = table.Column<int>(type: "INTEGER", nullable: false),
                ComponentId = table.Column<long>(type: "INTEGER", nullable: true),
                Path = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                BlobSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Size = table.Column<long>(type: "INTEGER", nullable: false),
                ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                FormatHash = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_assets", x => x.Id);
                table.ForeignKey("FK_assets_components_ComponentId", x => x.ComponentId, "components", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_assets_repositories_RepositoryId", x => x.RepositoryId, "repositories", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_repositories_Name", "repositories", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_users_UserName", "users", "UserName", unique: true);
        migrationBuilder.CreateIndex("IX_components_RepositoryId_Name_Version", "components", ["RepositoryId", "Name", "Version"], unique: true);
        migrationBuilder.CreateIndex("IX_assets_BlobSha256", "assets", "BlobSha256");
        migrationBuilder.CreateIndex("IX_assets_ComponentId", "assets", "ComponentId");
        migrationBuilder.CreateIndex("IX_assets_RepositoryId_Path", "assets", ["RepositoryId", "Path"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("assets");
        migrationBuilder.DropTable("components");
        migrationBuilder.DropTable("users");
        migrationBuilder.DropTable("repositories");
    }
}
