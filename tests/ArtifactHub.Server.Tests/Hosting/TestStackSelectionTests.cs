using ArtifactHub.Core.Blobs;
using ArtifactHub.Storage.AzureBlob;
using ArtifactHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Server.Tests.Hosting;

/// <summary>The suite really runs on the stack ARTIFACTHUB_TEST_STACK names (test.sh runs it on both): a guard against a silent second pass.</summary>
public sealed class TestStackSelectionTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    [Fact]
    public async Task The_server_under_test_runs_on_the_chosen_database_and_blob_store()
    {
        var admin = factory.CreateAdminClient();
        const string module = "example.com/stack/probe";
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0", null, ("p.go", "package probe\n")));

        var provider = await factory.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));
        var store = factory.Services.GetRequiredService<IBlobStore>();
        if (TestStack.IsPostgresAzurite)
        {
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", provider);
            Assert.IsType<AzureBlobStore>(store);
            Assert.False(File.Exists(Path.Combine(factory.DataDir, "artifacthub.db")), "a SQLite file was made on the postgres-azurite stack");
        }
        else
        {
            Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", provider);
            Assert.IsType<FileSystemBlobStore>(store);
        }

        Assert.NotEmpty(factory.Blobs()); // the stack-neutral listing sees what was just stored
    }
}
