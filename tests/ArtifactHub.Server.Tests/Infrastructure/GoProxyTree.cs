using ArtifactHub.Formats.Go;

namespace ArtifactHub.Server.Tests;

/// <summary>A GOPROXY tree in a <see cref="StaticUpstream"/>, laid out as a module proxy serves it.</summary>
public static class GoProxyTree
{
    /// <summary>Publishes a version into the tree as a proxy would serve it (.zip, .mod, .info), and adds it to the list.</summary>
    public static void Add(this StaticUpstream upstream, string module, string version, byte[] zip, string? goMod = null, DateTimeOffset? time = null)
    {
        var dir = $"{GoModulePath.Escape(module)}/@v/";
        var v = GoModulePath.Escape(version);
        upstream.Serve(dir + v + ".zip", zip);
        upstream.Serve(dir + v + ".mod", goMod ?? $"module {module}\n\ngo 1.19\n");
        upstream.Serve(dir + v + ".info", $"{{\"Version\":\"{version}\",\"Time\":\"{GoContent.FormatTime(time ?? new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero))}\"}}");
        File.AppendAllText(Path.Combine([upstream.Root, .. (dir + "list").Split('/')]), version + "\n");
    }
}
