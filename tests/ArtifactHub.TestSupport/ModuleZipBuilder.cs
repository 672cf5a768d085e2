using System.IO.Compression;
using System.Text;

namespace ArtifactHub.TestSupport;

/// <summary>
/// Builds module zips in memory, good ones and deliberately broken ones: <see cref="Add(string, string)"/> puts a file
/// under the <c>module@version/</c> prefix, <see cref="AddRaw"/> writes any entry name (and a Unix mode) verbatim.
/// </summary>
public sealed class ModuleZipBuilder(string module, string version)
{
    /// <summary>Every entry gets this time, so the same content always gives the same bytes.</summary>
    public static readonly DateTimeOffset FixedTime = new(2020, 1, 2, 3, 4, 6, TimeSpan.Zero);

    private readonly List<(string Name, byte[] Content, int? UnixMode)> _entries = [];

    public string Module { get; } = module;

    public string Version { get; } = version;

    /// <summary>The prefix every file of a valid module zip starts with: <c>module@version/</c>.</summary>
    public string Prefix => $"{Module}@{Version}/";

    /// <summary>Adds <c>module@version/relativePath</c> holding the UTF-8 bytes of <paramref name="content"/>.</summary>
    public ModuleZipBuilder Add(string relativePath, string content) => Add(relativePath, Encoding.UTF8.GetBytes(content));

    /// <summary>Adds <c>module@version/relativePath</c>.</summary>
    public ModuleZipBuilder Add(string relativePath, byte[] content) => AddRaw(Prefix + relativePath, content);

    /// <summary>Adds an entry named exactly <paramref name="fullEntryName"/> (no prefix added).</summary>
    /// <param name="unixMode">When given, the entry's Unix mode, e.g. <c>0xA1FF</c> for a symbolic link or <c>0x41ED</c> for a directory.</param>
    public ModuleZipBuilder AddRaw(string fullEntryName, byte[] content, int? unixMode = null)
    {
        _entries.Add((fullEntryName, content, unixMode));
        return this;
    }

    /// <summary>The zip's bytes, Deflate-compressed, entries in the order they were added.</summary>
    public byte[] Build()
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the zip to a file, replacing it.</summary>
    public void WriteTo(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        WriteTo(file);
    }

    /// <summary>Writes the zip to a stream, which stays open.</summary>
    public void WriteTo(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, content, unixMode) in _entries)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTime;
            if (unixMode is { } mode)
            {
                entry.ExternalAttributes = mode << 16;
            }

            using var data = entry.Open();
            data.Write(content);
        }
    }

    /// <summary>
    /// A valid module zip: a go.mod (<c>module M\n\ngo 1.19\n</c> when <paramref name="goMod"/> is null, none when it is
    /// empty, else exactly <paramref name="goMod"/>) and the given files.
    /// </summary>
    public static byte[] Simple(string module, string version, string? goMod = null, params (string Path, string Content)[] files)
    {
        var builder = new ModuleZipBuilder(module, version);
        goMod ??= $"module {module}\n\ngo 1.19\n";
        if (goMod != "")
        {
            builder.Add("go.mod", goMod);
        }

        foreach (var (path, content) in files)
        {
            builder.Add(path, content);
        }

        return builder.Build();
    }
}
