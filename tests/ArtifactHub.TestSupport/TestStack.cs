using ArtifactHub.Storage.AzureBlob;

namespace ArtifactHub.TestSupport;

/// <summary>
/// Which database and blob store the integration and end-to-end tests run the server on, read once from
/// <c>ARTIFACTHUB_TEST_STACK</c>: <c>sqlite-disk</c> (the default: SQLite file and blob folder in the data dir) or
/// <c>postgres-azurite</c> (one PostgreSQL and one Azurite per test process, shared; a database and a container per server).
/// test.sh runs the Server and E2E suites once on each.
/// </summary>
public static class TestStack
{
    public const string Variable = "ARTIFACTHUB_TEST_STACK";
    public const string SqliteDisk = "sqlite-disk";
    public const string PostgresAzurite = "postgres-azurite";

    /// <summary>The trait that keeps a test out of the postgres-azurite pass (it is about the SQLite file or the blob folder itself).</summary>
    public const string Trait = "Stack";

    /// <summary>The value of <see cref="Trait"/> for such a test: <c>[Trait(TestStack.Trait, TestStack.SqliteDiskOnly)]</c>.</summary>
    public const string SqliteDiskOnly = "sqlite-disk-only";

    /// <summary><see cref="SqliteDisk"/> or <see cref="PostgresAzurite"/>.</summary>
    public static string Name { get; } = Parse(Environment.GetEnvironmentVariable(Variable));

    public static bool IsPostgresAzurite => Name == PostgresAzurite;

    /// <summary>
    /// A database and a blob container of their own for one server (nothing on <c>sqlite-disk</c>: the server makes
    /// its SQLite file and blob folder in its data dir). Dispose drops both.
    /// </summary>
    public static StackResources Provision(string hint) =>
        IsPostgresAzurite ? StackResources.OnPostgresAndAzurite(PostgresServer.Shared, SyncWait(AzuriteServer.SharedAsync()), hint) : StackResources.None;

    private static string Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or SqliteDisk => SqliteDisk,
        PostgresAzurite => PostgresAzurite,
        _ => throw new InvalidOperationException($"{Variable}='{value}' is unknown: use '{SqliteDisk}' (the default) or '{PostgresAzurite}'"),
    };

    private static T SyncWait<T>(Task<T> task) => Task.Run(() => task).GetAwaiter().GetResult();
}

/// <summary>What one server under test is given on its stack: settings, and the database and container to drop afterwards.</summary>
public sealed class StackResources : IDisposable
{
    private readonly PostgresServer? _postgres;
    private readonly AzuriteServer? _azurite;
    private int _disposed;

    private StackResources(PostgresServer? postgres, string? databaseConnectionString, AzuriteServer? azurite, string? container)
    {
        _postgres = postgres;
        _azurite = azurite;
        DatabaseConnectionString = databaseConnectionString;
        Container = container;
    }

    /// <summary>The <c>sqlite-disk</c> stack: the server's defaults, nothing to make or drop.</summary>
    public static StackResources None { get; } = new(null, null, null, null);

    /// <summary>A fresh database on <paramref name="postgres"/> and a container name no one else uses on <paramref name="azurite"/>.</summary>
    public static StackResources OnPostgresAndAzurite(PostgresServer postgres, AzuriteServer azurite, string hint) =>
        new(postgres, postgres.CreateDatabase(hint), azurite, AzuriteServer.NewContainerName(ContainerPurpose(hint)));

    /// <summary>The PostgreSQL database's connection string, or null on SQLite.</summary>
    public string? DatabaseConnectionString { get; }

    /// <summary>The Azure Blob container, or null on disk.</summary>
    public string? Container { get; }

    public bool OnAzureBlob => _azurite is not null;

    /// <summary>Configuration keys (<c>ArtifactHub:Database:Provider</c>, ...) for an in-memory host; empty on <c>sqlite-disk</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            var settings = new Dictionary<string, string>();
            if (_postgres is not null)
            {
                settings["ArtifactHub:Database:Provider"] = "PostgreSql";
                settings["ArtifactHub:Database:ConnectionString"] = DatabaseConnectionString!;
            }

            if (_azurite is not null)
            {
                settings["ArtifactHub:Storage:Provider"] = "AzureBlob";
                settings["ArtifactHub:Storage:ConnectionString"] = _azurite.ConnectionString;
                settings["ArtifactHub:Storage:Container"] = Container!;
            }

            return settings;
        }
    }

    /// <summary>The same settings as environment variables for a server process (<c>ArtifactHub__Database__Provider</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables =>
        Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

    /// <summary>
    /// The names of the content blobs the server stored in its container (not its readiness probes); null on disk,
    /// where the caller looks at the blob folder.
    /// </summary>
    public async Task<string[]?> ListBlobsAsync(CancellationToken cancellationToken = default)
    {
        if (_azurite is null)
        {
            return null;
        }

        using var client = new AzureBlobRestClient(AzureStorageConnectionString.Parse(_azurite.ConnectionString), Container!);
        var names = new List<string>();
        try
        {
            await foreach (var blob in client.ListAsync("", cancellationToken))
            {
                if (!blob.Name.StartsWith(AzureBlobStore.ProbePrefix, StringComparison.Ordinal))
                {
                    names.Add(blob.Name);
                }
            }
        }
        catch (AzureBlobException e) when (e.ErrorCode == "ContainerNotFound")
        {
            // Nothing stored yet: the server creates its container on the first write.
        }

        return [.. names];
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_postgres is not null)
        {
            try
            {
                _postgres.DropDatabase(DatabaseConnectionString!);
            }
            catch (Npgsql.NpgsqlException)
            {
                // The server is gone (stopped by a test, or the process exits): nothing left to drop.
            }
        }

        if (_azurite is not null)
        {
            Task.Run(() => _azurite.DeleteContainerAsync(Container!)).GetAwaiter().GetResult();
        }
    }

    private static string ContainerPurpose(string hint)
    {
        var purpose = new string(hint.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray());
        return purpose.Length == 0 ? "test" : purpose;
    }
}
