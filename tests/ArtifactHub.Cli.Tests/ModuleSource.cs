namespace ArtifactHub.Cli.Tests;

/// <summary>A module's source directory written for a test: the files given, plus what CreateFromDir leaves out.</summary>
public static class ModuleSource
{
    /// <summary>
    /// Writes go.mod (for <paramref name="module"/>, unless null), <paramref name="files"/>, and beside them a .git
    /// folder, a vendored package with vendor/modules.txt, a nested module and a symbolic link, none of which but
    /// vendor/modules.txt belongs in the zip.
    /// </summary>
    public static string Write(string dir, string? module, params (string Path, string Content)[] files)
    {
        var all = new List<(string, string)>
        {
            (".git/HEAD", "ref: refs/heads/main\n"),
            (".git/config", "[core]\n"),
            ("vendor/modules.txt", "# example.com/dep v1.0.0\n## explicit\nexample.com/dep\n"),
            ("vendor/example.com/dep/dep.go", "package dep\n"),
            ("tools/go.mod", "module example.com/tools\n"),
            ("tools/tool.go", "package tools\n"),
        };
        if (module is not null)
        {
            all.Add(("go.mod", $"module {module}\n\ngo 1.19\n"));
        }

        all.AddRange(files);
        foreach (var (path, content) in all)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        File.CreateSymbolicLink(Path.Combine(dir, "link.go"), "vendor/example.com/dep/dep.go");
        return dir;
    }
}
