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

    private static async Task<string> RunAsync(string mode, string file)
    {
        var binary = await GoProgram.BuildAsync("gohash").ConfigureAwait(false);
        var result = await ProcessRunner.RunAsync(binary, workDir: null, env: null, GoTool.DefaultTimeout, CancellationToken.None, mode, file).ConfigureAwait(false);
        return result.EnsureSuccess().StdOut.Trim();
    }
}
