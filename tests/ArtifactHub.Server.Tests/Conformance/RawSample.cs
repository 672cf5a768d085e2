using System.Text;
using ArtifactHub.Formats.Raw;

namespace ArtifactHub.Server.Tests.Conformance;

/// <summary>Raw: an artifact is any bytes at a path (<c>conf/{name}/{name}-1.0.bin</c>); <c>*.json</c> paths are a proxy's metadata.</summary>
public sealed class RawSample : FormatSample
{
    public override string Format => RawFormat.Name;

    public override SampleArtifact Artifact(string name, string variant = "a")
    {
        var path = $"conf/{name}/{name}-1.0.bin";
        var bytes = Encoding.UTF8.GetBytes($"{name}, variant {variant}\n").Concat(Enumerable.Range(0, 256).Select(b => (byte)b)).ToArray();
        return new SampleArtifact(name, variant, new SampleFile(path, bytes), [path], path, $"conf/{name}");
    }

    public override IReadOnlyList<SampleFile> LayOut(StaticUpstream upstream, SampleArtifact artifact)
    {
        upstream.Serve(artifact.Published.Path, artifact.Published.Bytes);
        return [artifact.Published];
    }

    public override SampleFile Metadata(string name, int generation) =>
        new($"conf/{name}/index.json", Encoding.UTF8.GetBytes($$"""{"name":"{{name}}","generation":{{generation}}}"""));

    public override IReadOnlyDictionary<string, object> ProxySettings { get; } = new Dictionary<string, object> { ["metadataPaths"] = new[] { "*.json" } };

    public override IReadOnlyList<BadInput> BadInputs { get; } =
    [
        new("an invalid path (an empty element)", 400, (admin, repo) => Put(admin, repo, "conf/a//b")),
        new("a directory path", 400, (admin, repo) => Put(admin, repo, "conf/dir/")),
        new("a path whose parent is a file", 409, (admin, repo) => Put(admin, repo, "conf/parent/child"), (admin, repo) => PutNewAsync(admin, repo, "conf/parent")),
        new("a path that is a directory (files lie below it)", 409, (admin, repo) => Put(admin, repo, "conf/tree"), (admin, repo) => PutNewAsync(admin, repo, "conf/tree/leaf")),
        new("a body declared over the size limit", 413, (admin, repo) => PutDeclaringAsync(admin, Url(repo, "conf/huge.bin"), new RawOptions().MaxFileBytes + 1)),
    ];

    private static async Task PutNewAsync(HttpClient admin, string repository, string path)
    {
        using var response = await Put(admin, repository, path);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    private static Task<HttpResponseMessage> Put(HttpClient admin, string repository, string path) =>
        admin.PutAsync(Url(repository, path), new ByteArrayContent("not kept\n"u8.ToArray()));
}
