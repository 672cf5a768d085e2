namespace ArtifactHub.TestSupport;

/// <summary>
/// The go.sum hashes as golang.org/x/mod computes them: runs gohash/main.go (built by <see cref="GoProgram"/>).
/// </summary>
public static class GoHashTool
{
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

    /// <summary>
    /// <c>zip.CreateFromDir</c> of <paramref name="dir"/> into <paramref name="zipPath"/>: the zip's h1: hash, or, when
    /// x/mod refuses the directory, null and its error (the zip is then not written).
    /// </summary>
    public static async Task<(string? Hash, string Error)> CreateFromDirAsync(string dir, string module, string version, string zipPath)
    {
        var binary = await GoProgram.BuildAsync("gohash").ConfigureAwait(false);
        var result = await ProcessRunner.RunAsync(
            binary, workDir: null, env: null, GoTool.DefaultTimeout, CancellationToken.None, "dir", Path.GetFullPath(dir), module, version, Path.GetFullPath(zipPath)).ConfigureAwait(false);
        return result.ExitCode == 0 ? (result.StdOut.Trim(), "") : (null, result.StdErr.Trim());
    }

    private static async Task<string> RunAsync(string mode, string file)
    {
        var binary = await GoProgram.BuildAsync("gohash").ConfigureAwait(false);
        var result = await ProcessRunner.RunAsync(binary, workDir: null, env: null, GoTool.DefaultTimeout, CancellationToken.None, mode, file).ConfigureAwait(false);
        return result.EnsureSuccess().StdOut.Trim();
    }
}
