namespace ArtifactHub.TestSupport;

/// <summary>
/// A fresh folder under the system temp directory, deleted on dispose. The go command makes its module cache
/// read-only, so deletion first gives the owner write permission on everything below the folder.
/// </summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string prefix)
    {
        Path = Directory.CreateTempSubdirectory($"ahe2e-{prefix}-").FullName;
    }

    public string Path { get; }

    public string Sub(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose() => DeleteTree(Path);

    public static void DeleteTree(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        try
        {
            MakeWritable(new DirectoryInfo(path));
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp folder must not fail a test run.
            Console.Error.WriteLine($"could not delete {path}: {e.Message}");
        }
    }

    private static void MakeWritable(DirectoryInfo dir)
    {
        if (!OperatingSystem.IsWindows())
        {
            dir.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        foreach (var file in dir.EnumerateFiles())
        {
            if (file.LinkTarget is null)
            {
                file.Attributes &= ~FileAttributes.ReadOnly;
            }
        }

        foreach (var sub in dir.EnumerateDirectories())
        {
            if (sub.LinkTarget is null)
            {
                MakeWritable(sub);
            }
        }
    }
}
