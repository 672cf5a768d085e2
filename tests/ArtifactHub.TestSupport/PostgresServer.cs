using System.Net;
using Npgsql;

namespace ArtifactHub.TestSupport;

/// <summary>
/// A real PostgreSQL cluster for the tests, with no set-up outside them: <c>initdb</c> into a temp folder, started on a
/// free loopback port (socket in that folder, trust authentication, no fsync), one per test run (<see cref="Shared"/>),
/// stopped and deleted when the process exits. Each caller takes a database of its own with <see cref="CreateDatabase"/>.
/// A test that stops and starts the server (<see cref="Stop"/>, <see cref="Start"/>) takes one of its own (<see cref="StartNew"/>).
/// PostgreSQL refuses to run as root, so as root it runs as the <c>postgres</c> user through <c>runuser</c>.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string Install = "install postgresql (apt-get install -y postgresql)";

    private static readonly Lazy<PostgresServer> SharedServer = new(StartNew, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databaseCount;

    private readonly string _binDir;
    private readonly string _dir;
    private readonly bool _asPostgresUser;
    private int _disposed;

    private PostgresServer(string binDir, string dir, bool asPostgresUser, int port)
    {
        _binDir = binDir;
        _dir = dir;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    /// <summary>The server of this test run, started on first use.</summary>
    public static PostgresServer Shared => SharedServer.Value;

    public int Port { get; }

    /// <summary>A connection string for <paramref name="database"/> as the superuser <c>postgres</c>.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ToString();

    /// <summary>Creates a new, empty database and returns its connection string. <paramref name="hint"/> becomes part of its name.</summary>
    public string CreateDatabase(string hint = "test")
    {
        var name = $"t{Interlocked.Increment(ref _databaseCount)}_{Environment.ProcessId}_" + new string(hint.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(40).ToArray());
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever is still connected to it.</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var open = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(open);
        }

        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>A server of the caller's own, started now; dispose it (or let the process exit) to stop it and delete its folder.</summary>
    public static PostgresServer StartNew()
    {
        DeleteStoppedLeftovers();
        var binDir = FindBinDir() ?? throw new InvalidOperationException($"PostgreSQL's initdb and pg_ctl were not found on PATH or in /usr/lib/postgresql/*/bin: {Install}");
        var asPostgresUser = Environment.UserName == "root";
        var dir = asPostgresUser
            ? Run("runuser", ["-u", "postgres", "--", "mktemp", "-d", Path.Combine(Path.GetTempPath(), "ah-postgres-XXXXXX")]).Trim()
            : Directory.CreateTempSubdirectory("ah-postgres-").FullName;
        var port = LoopbackPort.Free();
        var server = new PostgresServer(binDir, dir, asPostgresUser, port);
        try
        {
            server.RunTool("initdb", ["-D", server.DataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
            server.Start();
        }
        catch
        {
            server.Dispose();
            throw;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    private string DataDir => Path.Combine(_dir, "data");

    /// <summary>Starts the server (again, after <see cref="Stop"/>) on its port and data folder; returns when it accepts connections.</summary>
    public void Start() =>
        RunTool("pg_ctl", ["start", "-w", "-t", "60", "-D", DataDir, "-l", Path.Combine(_dir, "log"),
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"]);

    /// <summary>Stops the server at once (connections are cut, as when it crashes); <see cref="Start"/> brings it back with its databases.</summary>
    public void Stop()
    {
        NpgsqlConnection.ClearAllPools();
        RunTool("pg_ctl", ["stop", "-m", "immediate", "-w", "-t", "60", "-D", DataDir]);
    }

    /// <summary>
    /// The test host may end the process before the exit handler has deleted the folder (the server is stopped by then):
    /// folders of earlier runs whose server is not running and that were last touched minutes ago are deleted here.
    /// </summary>
    private static void DeleteStoppedLeftovers()
    {
        var stale = DateTime.UtcNow - TimeSpan.FromMinutes(2);
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "ah-postgres-*"))
        {
            if (!File.Exists(Path.Combine(dir, "data", "postmaster.pid")) && Directory.GetLastWriteTimeUtc(dir) < stale)
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Someone else's, or in use: leave it.
                }
            }
        }
    }

    /// <summary>Stops the server at once (nothing in it is worth keeping) and deletes its folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
            {
                RunTool("pg_ctl", ["stop", "-m", "immediate", "-W", "-D", DataDir]); // no wait: the test host ends the process soon after
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Already gone (or not answering); delete what is left.
        }

        // Processes of the server may still be letting go of files for a moment after it reports stopped.
        for (var attempt = 1; attempt <= 10 && Directory.Exists(_dir); attempt++)
        {
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                // Left for DeleteStoppedLeftovers of a later run.
            }
        }
    }

    private void RunTool(string tool, string[] arguments) =>
        _ = _asPostgresUser
            ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_binDir, tool), .. arguments])
            : Run(Path.Combine(_binDir, tool), arguments);

    private static string? FindBinDir()
    {
        static bool Has(string dir) => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(Has);
        if (onPath is not null)
        {
            // Debian links the tools into PATH; run the real ones, which find their own libraries and share files.
            var initdb = new FileInfo(Path.Combine(onPath, "initdb"));
            return initdb.ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetDirectoryName(target.FullName) : onPath;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(Has)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var version) ? version : 0).FirstOrDefault()
            : null;
    }

    /// <summary>Runs a tool to its end (killed after 90 s) and returns its stdout; throws unless it exits 0.</summary>
    private static string Run(string fileName, string[] arguments) =>
        // The callers are synchronous (the lazy start, the exit handler): the run waits on the thread pool, not on
        // whatever synchronization context the caller has.
        Task.Run(() => ProcessRunner.RunAsync(fileName, workDir: null, env: null, TimeSpan.FromSeconds(90), CancellationToken.None, arguments))
            .GetAwaiter().GetResult().EnsureSuccess().StdOut;
}
