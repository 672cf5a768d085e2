using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ArtifactHub.Migrations.PostgreSql.Migrations;

/// <summary>Each component counts its downloads (Go: GETs of the version's .zip); versions published before start at 0.</summary>
[DbContext(typeof(ArtifactHubDbContext))]
[Migration("20261124000000_DownloadCounts")]
public sealed class DownloadCounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<long>("DownloadCount", "components", type: "bigint", nullable: false, defaultValue: 0L);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("DownloadCount", "components");
}
