using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ArtifactHub.Migrations.Sqlite.Migrations;

/// <summary>The keys the server signs with (transfer bundles), made on first start and shared by every node.</summary>
[DbContext(typeof(ArtifactHubDbContext))]
[Migration("20261203000000_SigningKeys")]
public sealed class SigningKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "signing_keys",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                VerifierKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                ProtectedSignerKey = table.Column<string>(type: "TEXT", nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_signing_keys", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_signing_keys_Purpose", table: "signing_keys", column: "Purpose", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("signing_keys");
}
