using System.Collections.Concurrent;

namespace ArtifactHub.TestSupport;

/// <summary>
/// Builds the Go programs shipped with the test support (<c>gohash/</c>, <c>gosumdb/</c>) once per test run, in
/// GOPATH mode against Debian's golang-golang-x-mod-dev, so they use golang.org/x/mod itself.
/// </summary>
public static class GoProgram
{
    /// <summary>Where Debian's golang-golang-x-mod-dev installs golang.org/x/mod.</summary>
    public const string DebianGoPath = "/usr/share/gocode";

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Built = new(StringComparer.Ordinal);

    /// <summary>The path of the built binary of <c>{name}/main.go</c> (copied to the test output).</summary>
    public static Task<string> BuildAsync(string name) =>
        Built.GetOrAdd(name, n => new Lazy<Task<string>>(() => BuildOnceAsync(n), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static async Task<string> BuildOnceAsync(string name)
    {
        var source = Path.Combine(AppContext.BaseDirectory, name, "main.go");
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"{name}/main.go was not copied to the test output ({source})", source);
        }

        if (!Directory.Exists(Path.Combine(DebianGoPath, "src", "golang.org", "x", "mod", "sumdb", "dirhash")))
        {
            throw new InvalidOperationException(
                $"golang.org/x/mod is not under {DebianGoPath}/src: install Debian's golang-golang-x-mod-dev");
        }

        var dir = Directory.CreateTempSubdirectory(name + "-");
        var binary = Path.Combine(dir.FullName, OperatingSystem.IsWindows() ? name + ".exe" : name);
        var env = new Dictionary<string, string>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = DebianGoPath,
        };
        (await GoTool.RunAsync(Path.GetDirectoryName(source)!, env, "build", "-o", binary, source).ConfigureAwait(false)).EnsureSuccess();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return binary;
    }
}
