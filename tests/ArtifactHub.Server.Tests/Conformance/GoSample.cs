using ArtifactHub.Formats.Go;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Conformance;

/// <summary>Go: an artifact is a module version (<c>example.com/conf/{name}@v1.0.0</c>), published as its zip.</summary>
public sealed class GoSample : FormatSample
{
    private const string Version = "v1.0.0";

    public override string Format => GoFormat.Name;

    public static string Module(string name) => $"example.com/conf/{name}";

    public override SampleArtifact Artifact(string name, string variant = "a")
    {
        var module = Module(name);
        var zip = ModuleZipBuilder.Simple(module, Version, null, ("conf.go", $"package conf // variant {variant}\n"));
        var versionPath = $"{GoModulePath.Escape(module)}/@v/{Version}";
        return new SampleArtifact(
            name,
            variant,
            new SampleFile(versionPath + ".zip", zip),
            [versionPath + ".info", versionPath + ".mod", versionPath + ".zip"],
            versionPath,
            module);
    }

    public override IReadOnlyList<SampleFile> LayOut(StaticUpstream upstream, SampleArtifact artifact)
    {
        upstream.Add(Module(artifact.Name), Version, artifact.Published.Bytes);
        return [.. artifact.Reads.Select(path => new SampleFile(path, upstream.Served(path)))];
    }

    /// <summary>The version list, one more version in each generation.</summary>
    public override SampleFile Metadata(string name, int generation) =>
        new($"{GoModulePath.Escape(Module(name))}/@v/list", System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, generation).Select(minor => $"v1.{minor}.0\n"))));

    public override IReadOnlyList<BadInput> BadInputs { get; } =
    [
        new("a zip that breaks the module zip rules", 400, (admin, repo) =>
        {
            var zip = new ModuleZipBuilder(Module("bad"), Version).Add("go.mod", $"module {Module("bad")}\n").Add("sub/../../escape.go", "package bad\n").Build();
            return admin.UploadAsync(Module("bad"), Version, zip, repo);
        }),
        new("a version that does not fit the module path", 400, (admin, repo) =>
            admin.UploadAsync(Module("bad"), "v2.0.0", ModuleZipBuilder.Simple(Module("bad"), "v2.0.0"), repo)),
        new("a body declared over the size limit", 413, (admin, repo) =>
            PutDeclaringAsync(admin, GoClient.Url(Module("bad"), $"@v/{Version}.zip", repo), ModuleZipLimits.MaxZipFile + 1)),
    ];
}
