namespace ArtifactHub.TestSupport;

/// <summary>
/// The go.sum hashes as golang.org/x/mod computes them: builds gohash/main.go once per test run (GOPATH mode against
/// Debian's golang-golang-x-mod-dev under /usr/share/gocode) and runs it.
/// </summary>
public static class GoHashTool
{
    /// <summary>Where Debian's golang-golang-x-mod-dev installs golang.org/x/mod.</summary>
    public const string DebianGoPath = "/usr/share/gocode";

    private static readonly Lazy<Task<string>> Binary = new(BuildAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary><c>dirhash.HashZip(zipPath, dirhash.Hash1)</c>: the go.sum hash of a module zip.</summary>
    public static async Task<string> HashZipAsync(string zipPath) => await RunAsync("zip", Path.GetFullPath(zipPath)).ConfigureAwait(false);

    /// <summary>The go.sum <c>/go.mod</c> hash: <c>dirhash.Hash1([]string{"go.mod"}, ...)</c> over these bytes.</summary>
    public static async Task<string> HashGoModAsync(byte[] goMod)
    {
        var file = Path.Combine(Path.GetTempPath(), $"gohash-{Guid.NewGuid():N}.mod");
        await File.WriteAllBytesAsync(file, goMod).ConfigureAwait(false);
        try
        {
            return await RunAsync("mod", file).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunAsync(string mode, string file)
    {
        var binary = await Binary.Value.ConfigureAwait(false);
        var start = new System.Diagnostics.ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(file);
        using var process = System.Diagnostics.Process.Start(start)
            ?? throw new InvalidOperationException($"could not start {binary}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(GoTool.DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"gohash {mode} {file} did not finish within {GoTool.DefaultTimeout}");
        }

        var result = new GoResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false))
        {
            Command = $"gohash {mode} {file}",
        };
        return result.EnsureSuccess().StdOut.Trim();
    }

    private static async Task<string> BuildAsync()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "gohash", "main.go");
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"gohash/main.go was not copied to the test output ({source})", source);
        }

        if (!Directory.Exists(Path.Combine(DebianGoPath, "src", "golang.org", "x", "mod", "sumdb", "dirhash")))
        {
            throw new InvalidOperationException(
                $"golang.org/x/mod is not under {DebianGoPath}/src: install Debian's golang-golang-x-mod-dev");
        }

        var dir = Directory.CreateTempSubdirectory("gohash-");
        var binary = Path.Combine(dir.FullName, OperatingSystem.IsWindows() ? "gohash.exe" : "gohash");
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
