namespace ArtifactHub.TestSupport;

/// <summary>Where the repository and the built server are, seen from the test assembly.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The test assembly's folder is <c>bin/{Configuration}/{tfm}/</c>; the server is built the same way.</summary>
    public static string ServerDll => Built("ArtifactHub.Server", "ArtifactHub.Server.dll");

    /// <summary>The <c>artifacthub</c> command (src/ArtifactHub.Cli), built like the tests.</summary>
    public static string CliDll => Built("ArtifactHub.Cli", "artifacthub.dll");

    private static string Built(string project, string file)
    {
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = baseDir.Name;
        var configuration = baseDir.Parent?.Name ?? "Debug";
        return Path.Combine(Root, "src", project, "bin", configuration, tfm, file);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArtifactHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no ArtifactHub.sln above {AppContext.BaseDirectory}");
    }
}
