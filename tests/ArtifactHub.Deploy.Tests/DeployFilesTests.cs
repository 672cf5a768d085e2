using ArtifactHub.TestSupport;

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
        // ProcessRunner kills it (with its children) and throws a TimeoutException when it runs longer than Timeout.
        var result = await ProcessRunner.RunAsync(
            "bash", RepoPaths.Root, env: null, Timeout, CancellationToken.None, Path.Combine(RepoPaths.Root, "deploy", "validate.sh"));

        Assert.True(result.ExitCode == 0, $"deploy/validate.sh exited with {result.ExitCode}:\n{result.StdOut}{result.StdErr}");
    }
}
