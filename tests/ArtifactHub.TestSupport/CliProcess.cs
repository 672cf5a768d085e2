namespace ArtifactHub.TestSupport;

/// <summary>
/// Runs the built <c>artifacthub</c> command (<c>dotnet artifacthub.dll …</c>) as a user would, with a small explicit
/// environment: a developer's own ARTIFACTHUB_URL or ARTIFACTHUB_TOKEN never leaks into a test.
/// </summary>
public static class CliProcess
{
    private static readonly string[] Inherited = ["PATH", "HOME", "TMPDIR", "DOTNET_ROOT"];

    /// <param name="env">Added to PATH, HOME, TMPDIR and DOTNET_ROOT of this process, e.g. ARTIFACTHUB_URL and ARTIFACTHUB_TOKEN.</param>
    public static Task<GoResult> RunAsync(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var dll = RepoPaths.CliDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"the artifacthub command is not built: {dll} does not exist");
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in env)
        {
            environment[name] = value;
        }

        return ProcessRunner.RunAsync(ServerProcess.DotnetHost(), workDir: null, environment, TimeSpan.FromMinutes(5), CancellationToken.None, [dll, .. args]);
    }
}
