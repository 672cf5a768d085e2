namespace ArtifactHub.Formats.Go.Tests;

/// <summary>A temporary directory for one test, removed with everything in it on Dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("artifacthub-go-tests-").FullName;

    public string Path { get; }

    /// <summary>A path inside the directory (the file is not created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes the bytes to a new file in the directory and returns its path.</summary>
    public string Write(byte[] content, string? name = null)
    {
        var path = File(name ?? $"{Guid.NewGuid():N}.zip");
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a file may still be open on a platform that locks it
        }
    }
}
