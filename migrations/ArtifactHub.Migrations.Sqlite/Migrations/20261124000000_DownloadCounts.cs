using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ArtifactHub.Migrations.Sqlite.Migrations;

/// <summary>Each component counts its downloads (Go: GETs of the version's .zip); versions published before start at 0.</summary>
[DbContext(typeof(ArtifactHubDbContext))]
[Migration("20261124000000_DownloadCounts")]
public sealed class DownloadCounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<long>("DownloadCount", "components", type: "INTEGER", nullable: false, defaultValue: 0L);

    // SQLite 3.35+ drops a column in place (no index or key refers to this one).
    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""ALTER TABLE "components" DROP COLUMN "DownloadCount";""");
}
