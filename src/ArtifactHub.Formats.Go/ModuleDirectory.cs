using System.Text;

namespace ArtifactHub.Formats.Go;

/// <summary>A file of a module directory that goes into its zip: its slash path below the module root.</summary>
public sealed record ModuleDirectoryFile(string Path, string FullPath, long Size);

/// <summary>A file or directory left out of the zip, or one that stops it being made, and why.</summary>
public sealed record ModuleFileNote(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}

/// <summary>
/// What golang.org/x/mod/zip's <c>CreateFromDir</c> takes from a directory (its <c>listFilesInDir</c>, then
/// <c>checkFiles</c>): the files in walk order, what it leaves out (version control directories, nested modules,
/// vendored packages, symbolic links and other irregular files) and what it refuses (bad file paths, case-insensitive
/// collisions, a go.mod not so named, size limits). Reads names and sizes only, never contents.
/// </summary>
public sealed class ModuleDirectory
{
    private static readonly string[] VersionControlDirectories = [".bzr", ".git", ".hg", ".svn"];

    private ModuleDirectory(string root, List<ModuleDirectoryFile> files, List<ModuleFileNote> omitted, List<ModuleFileNote> invalid, string? sizeError)
    {
        Root = root;
        Files = files;
        Omitted = omitted;
        Invalid = invalid;
        SizeError = sizeError;
    }

    public string Root { get; }

    /// <summary>The files of the zip, in the order CreateFromDir writes them (a walk with each directory's names sorted).</summary>
    public IReadOnlyList<ModuleDirectoryFile> Files { get; }

    /// <summary>Left out, as CreateFromDir leaves them out; a directory left out whole is one note.</summary>
    public IReadOnlyList<ModuleFileNote> Omitted { get; }

    /// <summary>Files that CreateFromDir refuses: any one of them and no zip is made.</summary>
    public IReadOnlyList<ModuleFileNote> Invalid { get; }

    /// <summary>Why the files are too large together, or null.</summary>
    public string? SizeError { get; }

    public long TotalSize => Files.Sum(f => f.Size);

    /// <summary>The root go.mod when the zip will hold one.</summary>
    public ModuleDirectoryFile? GoMod => Files.FirstOrDefault(f => f.Path == "go.mod");

    /// <summary>
    /// Lists <paramref name="dir"/> by CreateFromDir's rules. One difference: a <paramref name="dir"/> that is itself a
    /// symbolic link is followed (filepath.Walk would see one irregular file and x/mod would make an empty zip).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">It is not a directory.</exception>
    /// <exception cref="IOException">A directory could not be read (CreateFromDir fails then too).</exception>
    /// <exception cref="UnauthorizedAccessException">Likewise.</exception>
    public static ModuleDirectory Read(string dir)
    {
        var root = Path.GetFullPath(dir);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"{dir} is not a directory");
        }

        var listed = new List<ModuleDirectoryFile>();
        var omitted = new List<ModuleFileNote>();
        Walk(root, "", listed, omitted);
        var (files, invalid, sizeError) = Check(listed, omitted);
        return new ModuleDirectory(root, files, omitted, invalid, sizeError);
    }

    /// <summary>listFilesInDir: filepath.Walk, which visits each directory's entries sorted by name and never follows a link.</summary>
    private static void Walk(string dir, string relative, List<ModuleDirectoryFile> files, List<ModuleFileNote> omitted)
    {
        var entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().Select(e => e.Name).ToList();
        entries.Sort(CompareUtf8);
        foreach (var name in entries)
        {
            var full = Path.Combine(dir, name);
            var path = relative + name;
            if (IsVendoredPackage(path))
            {
                // CreateFromDir leaves out each file below; all of them are vendored too, so one note says it.
                omitted.Add(new(path, "vendored package (only files directly in the root's vendor/ are kept)"));
                continue;
            }

            switch (UnixFileKind.Of(full))
            {
                case FileKind.Directory when VersionControlDirectories.Contains(name, StringComparer.Ordinal):
                    omitted.Add(new(path, "version control directory"));
                    break;
                case FileKind.Directory when UnixFileKind.Of(Path.Combine(full, "go.mod")) is not (FileKind.Missing or FileKind.Directory):
                    omitted.Add(new(path, "another module (the directory has its own go.mod)"));
                    break;
                case FileKind.Directory:
                    Walk(full, path + "/", files, omitted);
                    break;
                case FileKind.Regular:
                    files.Add(new(path, full, new FileInfo(full).Length));
                    break;
                case FileKind.SymbolicLink:
                    omitted.Add(new(path, "symbolic link"));
                    break;
                case FileKind.Missing:
                    break; // gone since the directory was read
                default:
                    omitted.Add(new(path, "not a regular file"));
                    break;
            }
        }
    }

    /// <summary>checkFiles, on what the walk listed.</summary>
    private static (List<ModuleDirectoryFile> Valid, List<ModuleFileNote> Invalid, string? SizeError) Check(List<ModuleDirectoryFile> listed, List<ModuleFileNote> omitted)
    {
        // A directory with a go.mod in any case (GO.MOD on a case-sensitive file system) holds another module's files.
        var haveGoMod = listed.Where(f => string.Equals(BaseName(f.Path), "go.mod", StringComparison.OrdinalIgnoreCase))
            .Select(f => f.Path[..(f.Path.Length - BaseName(f.Path).Length)])
            .ToHashSet(StringComparer.Ordinal);
        var valid = new List<ModuleDirectoryFile>();
        var invalid = new List<ModuleFileNote>();
        var collisions = new ModuleFileCollisions();
        var room = ModuleZipLimits.MaxZipFile;
        string? sizeError = null;
        foreach (var file in listed)
        {
            var p = file.Path;
            if (InSubmodule(p, haveGoMod))
            {
                omitted.Add(new(p, "file is in another module (its directory has a go.mod in another case)"));
            }
            else if (p == ".hg_archival.txt")
            {
                omitted.Add(new(p, "inserted by 'hg archive': always left out"));
            }
            else if (GoModulePath.CheckFilePath(p) is { } pathError)
            {
                invalid.Add(new(p, pathError));
            }
            else if (p.ToLowerInvariant() == "go.mod" && p != "go.mod")
            {
                invalid.Add(new(p, "go.mod files must have lowercase names"));
            }
            else if (collisions.Add(p, isDir: false) is { } collision)
            {
                invalid.Add(new(p, collision));
            }
            else
            {
                if (file.Size <= room)
                {
                    room -= file.Size;
                }
                else
                {
                    sizeError ??= $"module source tree too large (max size is {ModuleZipLimits.MaxZipFile} bytes)";
                }

                if (p == "go.mod" && file.Size > ModuleZipLimits.MaxGoMod)
                {
                    invalid.Add(new(p, $"go.mod file too large (max size is {ModuleZipLimits.MaxGoMod} bytes)"));
                }
                else if (p == "LICENSE" && file.Size > ModuleZipLimits.MaxLicense)
                {
                    invalid.Add(new(p, $"LICENSE file too large (max size is {ModuleZipLimits.MaxLicense} bytes)"));
                }
                else
                {
                    valid.Add(file);
                }
            }
        }

        return (valid, invalid, sizeError);
    }

    private static bool InSubmodule(string path, HashSet<string> haveGoMod)
    {
        // Only below the root: the root's own go.mod (in any case) makes no submodule.
        for (var slash = path.LastIndexOf('/'); slash >= 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (haveGoMod.Contains(path[..(slash + 1)])) return true;
            if (slash == 0) break;
        }

        return false;
    }

    /// <summary>
    /// x/mod's isVendoredPackage, quirk included (golang.org/issue/31562, kept there so module sums never change): below
    /// the root's vendor/ only subdirectories count, but a "/vendor/" anywhere deeper makes every file below it vendored,
    /// modules.txt too, because the offset into the name is that of a root vendor/, not of where "/vendor/" was found.
    /// </summary>
    internal static bool IsVendoredPackage(string name)
    {
        int i;
        if (name.StartsWith("vendor/", StringComparison.Ordinal)) i = "vendor/".Length;
        else if (name.Contains("/vendor/", StringComparison.Ordinal)) i = "/vendor/".Length;
        else return false;
        return name.AsSpan(i).Contains('/');
    }

    private static string BaseName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Go orders names by their UTF-8 bytes (UTF-16 order differs above U+FFFF).</summary>
    private static int CompareUtf8(string a, string b) =>
        Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
}
