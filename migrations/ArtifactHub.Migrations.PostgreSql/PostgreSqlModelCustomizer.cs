using ArtifactHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ArtifactHub.Migrations.PostgreSql;

/// <summary>Adds the PostgreSQL definitions of the collations the provider-neutral model names.</summary>
public sealed class PostgreSqlModelCustomizer(ModelCustomizerDependencies dependencies) : ModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        modelBuilder.HasCollation(Collations.CaseInsensitive, PostgreSqlCollations.NoCaseLocale, provider: "icu", deterministic: false);
        modelBuilder.HasCollation(Collations.Ordinal, PostgreSqlCollations.BinaryLocale, provider: "libc", deterministic: true);
    }
}
