using System.Diagnostics;
using System.Text;

namespace ArtifactHub.Deploy.Tests;

/// <summary>
/// The container image, compose and Kubernetes files cannot be run here (no Docker engine, no cluster), so
/// deploy/validate.sh checks what can be checked without them: YAML, probes, file references, the setting names
/// against the server's option classes, the Dockerfile's COPY sources and nginx -t. This runs it with the tests.
/// </summary>
public sealed class DeployFilesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Deploy_files_pass_validate_sh()
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(root, "deploy", "validate.sh"));

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"deploy/validate.sh did not finish within {Timeout}");
        }

        var output = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
        Assert.True(process.ExitCode == 0, $"deploy/validate.sh exited with {process.ExitCode}:\n{output}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArtifactHub.sln")) && File.Exists(Path.Combine(dir.FullName, "deploy", "validate.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no repository root (ArtifactHub.sln and deploy/validate.sh) above {AppContext.BaseDirectory}");
    }
}
