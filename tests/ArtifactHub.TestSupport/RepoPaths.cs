namespace ArtifactHub.TestSupport;

/// <summary>Where the repository and the built server are, seen from the test assembly.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The test assembly's folder is <c>bin/{Configuration}/{tfm}/</c>; the server is built the same way.</summary>
    public static string ServerDll
    {
        get
        {
            var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var tfm = baseDir.Name;
            var configuration = baseDir.Parent?.Name ?? "Debug";
            return Path.Combine(Root, "src", "ArtifactHub.Server", "bin", configuration, tfm, "ArtifactHub.Server.dll");
        }
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
