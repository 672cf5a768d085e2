using ArtifactHub.Migrations.PostgreSql;
using ArtifactHub.Migrations.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Data.Tests;

/// <summary>The provider is chosen once from configuration; a wrong choice stops the start with a message that says why.</summary>
public sealed class DatabaseProviderSelectionTests
{
    [Theory]
    [InlineData(null, "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData("sqlite", "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData("POSTGRESQL", "Npgsql.EntityFrameworkCore.PostgreSQL")]
    public void The_named_provider_is_used_and_sqlite_is_the_default(string? provider, string expected)
    {
        using var services = Services(provider, "Host=127.0.0.1;Database=unused;Data Source=unused.db");
        using var scope = services.CreateScope();

        Assert.Equal(expected, scope.ServiceProvider.GetRequiredService<ArtifactHubDbContext>().Database.ProviderName);
    }

    [Theory]
    [InlineData("Oracle", null, "ArtifactHub:Database:Provider must be one of 'Sqlite', 'PostgreSql'")]
    [InlineData("PostgreSql", null, "ArtifactHub:Database:ConnectionString is required")]
    public void A_wrong_choice_is_refused_with_a_clear_message(string provider, string? connectionString, string message)
    {
        using var services = Services(provider, connectionString);

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(string? provider, string? connectionString)
    {
        var settings = new Dictionary<string, string?> { ["ArtifactHub:Database:ConnectionString"] = connectionString };
        if (provider is not null)
        {
            settings["ArtifactHub:Database:Provider"] = provider;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddArtifactHubData(configuration, SqliteDatabase.Provider, PostgreSqlDatabase.Provider).BuildServiceProvider();
    }
}
