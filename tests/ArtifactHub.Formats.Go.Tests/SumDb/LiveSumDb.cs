using ArtifactHub.Formats.Go.SumDb;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Formats.Go.Tests.SumDb;

/// <summary>
/// A real, signed x/mod checksum database (<see cref="GoSumDbServer"/>) over a GOPROXY tree of small modules written
/// to a temp folder, with an HTTP client to read it and a way to copy what it served to disk (an offline copy to
/// spoil). Its log starts empty and grows by one record per first lookup, as sum.golang.org's does.
/// </summary>
public sealed class LiveSumDb : IAsyncDisposable
{
    public const string Name = "sum.tlog.test";

    private readonly TempDirectory _temp;

    private LiveSumDb(TempDirectory temp, GoSumDbServer server, IReadOnlyList<(string Module, string Version, byte[] GoMod)> modules)
    {
        _temp = temp;
        Server = server;
        Modules = modules;
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Fetch = SumDbSources.Http(Http, new Uri(server.Url));
    }

    public GoSumDbServer Server { get; }

    /// <summary>The module versions in its GOPROXY tree, with their go.mod bytes.</summary>
    public IReadOnlyList<(string Module, string Version, byte[] GoMod)> Modules { get; }

    public HttpClient Http { get; }

    /// <summary>The GOPROXY tree the database hashes (for <c>GOPROXY=file://…</c>).</summary>
    public required string GoProxy { get; init; }

    /// <summary>A new empty folder under the database's temp folder.</summary>
    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(_temp.Path, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>Reads the live database over HTTP.</summary>
    public SumDbFetch Fetch { get; }

    /// <param name="count">How many module versions to offer (one has upper-case letters, so lookups are case-escaped).</param>
    public static async Task<LiveSumDb> StartAsync(int count)
    {
        var temp = new TempDirectory();
        var modules = new List<(string, string, byte[])>();
        for (var i = 0; i < count; i++)
        {
            var module = i == 3 ? "example.com/Upper/Case" : $"example.com/mod{i / 2}";
            var version = i == 3 ? "v1.0.0" : $"v1.{i % 2}.{i}";
            var goMod = System.Text.Encoding.UTF8.GetBytes($"module {module}\n\ngo 1.19\n");
            var dir = Path.Combine(temp.Path, "goproxy", GoModulePath.Escape(module), "@v");
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, version + ".mod"), goMod);
            await File.WriteAllTextAsync(Path.Combine(dir, version + ".info"), $"{{\"Version\":\"{version}\",\"Time\":\"2024-01-02T03:04:05Z\"}}\n");
            new ModuleZipBuilder(module, version).Add("go.mod", goMod).Add("a.go", $"package a\n\nconst N = {i}\n").WriteTo(Path.Combine(dir, version + ".zip"));
            modules.Add((module, version, goMod));
        }

        var server = await GoSumDbServer.StartAsync(Name, Path.Combine(temp.Path, "goproxy"));
        return new LiveSumDb(temp, server, modules) { GoProxy = Path.Combine(temp.Path, "goproxy") };
    }

    /// <summary>Copies the files at <paramref name="paths"/>, as the database serves them now, into a new folder.</summary>
    /// <param name="into">A copy made before, to add to; null for a new one.</param>
    public async Task<string> CopyAsync(IEnumerable<string> paths, string? into = null)
    {
        var dir = into ?? Path.Combine(_temp.Path, "copy-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var path in paths.Distinct())
        {
            var data = await Fetch(path, CancellationToken.None) ?? throw new InvalidOperationException($"{Name} has no {path}");
            var file = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, data);
        }

        return dir;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        _temp.Dispose();
    }
}
