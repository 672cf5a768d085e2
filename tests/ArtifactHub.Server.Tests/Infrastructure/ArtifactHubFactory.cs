using ArtifactHub.Data;
using ArtifactHub.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtifactHub.Server.Tests;

/// <summary>
/// The whole server in memory with a temp data dir, on the test stack (<see cref="TestStack"/>): a real SQLite file and
/// blob folder in the data dir (sqlite-disk), or a PostgreSQL database and an Azurite container of its own (postgres-azurite).
/// </summary>
public sealed class ArtifactHubFactory : WebApplicationFactory<Program>
{
    private readonly Lazy<StackResources> _stack = new(() => TestStack.Provision("server"));

    public const string AdminPassword = "correct horse battery staple";

    /// <summary>False: start as a newcomer does, with no configured admin password.</summary>
    public bool ConfigurePassword { get; init; } = true;

    public string DataDir { get; } = Directory.CreateTempSubdirectory("ah-server-").FullName;

    public string BlobDir => Path.Combine(DataDir, "blobs");

    public string StagingDir => Path.Combine(DataDir, "tmp");

    /// <summary>The server's <see cref="TimeProvider"/>: the system's time unless a test moves it on.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>What the server logged, at the levels the configuration lets through (Warning unless a test asks for more).</summary>
    public InMemoryLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(config =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["ArtifactHub:DataDir"] = DataDir,
                ["Logging:LogLevel:Default"] = "Warning",
            };
            if (ConfigurePassword)
            {
                settings["ArtifactHub:Admin:Password"] = AdminPassword;
            }

            config.AddInMemoryCollection(settings);
        });

        // As host settings, so that a test's own UseSetting (e.g. another storage provider) still wins over the stack's.
        foreach (var (key, value) in _stack.Value.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client that signs in as admin with HTTP Basic.</summary>
    public HttpClient CreateAdminClient(string password = AdminPassword) => this.CreateBasicClient("admin", password);

    /// <summary>
    /// Every blob the server stored: the files under the data dir's blob folder, or the content blobs in its Azure
    /// container (paths or names: count them, do not open them).
    /// </summary>
    public string[] Blobs() =>
        (_stack.IsValueCreated ? Task.Run(() => _stack.Value.ListBlobsAsync()).GetAwaiter().GetResult() : null)
        ?? (Directory.Exists(BlobDir) ? Directory.GetFiles(BlobDir, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).ToArray() : []);

    public string[] StagedFiles() => Directory.Exists(StagingDir) ? Directory.GetFiles(StagingDir) : [];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_stack.IsValueCreated)
            {
                _stack.Value.Dispose();
            }

            try
            {
                Directory.Delete(DataDir, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a background thread: the temp folder is left for the OS to clean.
            }
        }
    }
}

/// <summary>The server's database, for any factory (also those made with <c>WithWebHostBuilder</c>).</summary>
public static class ServerDatabase
{
    /// <summary>Runs <paramref name="action"/> on the server's database, in a service scope of its own.</summary>
    public static async Task<T> WithDbAsync<T>(this WebApplicationFactory<Program> factory, Func<ArtifactHubDbContext, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ArtifactHubDbContext>());
    }

    /// <inheritdoc cref="WithDbAsync{T}"/>
    public static Task WithDbAsync(this WebApplicationFactory<Program> factory, Func<ArtifactHubDbContext, Task> action) =>
        factory.WithDbAsync(async db =>
        {
            await action(db);
            return true;
        });
}
