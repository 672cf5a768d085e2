namespace ArtifactHub.Server.Tests.Conformance;

/// <summary>A file as a client reads it: its path under a repository's URL (and under an upstream's base URL) and its bytes.</summary>
public sealed record SampleFile(string Path, byte[] Bytes);

/// <summary>
/// Something of a format that a client publishes and reads back, made by <see cref="FormatSample.Artifact"/>: the same
/// name gives the same coordinates, another variant other bytes.
/// </summary>
/// <param name="Published">What a publish PUTs, and what a hosted repository then serves at its path.</param>
/// <param name="Reads">Every file a client reads of it (Go: .info, .mod, .zip; raw: the file itself).</param>
/// <param name="DeletePath">What a DELETE names to remove it (Go: the version; raw: the file).</param>
/// <param name="RuleGlob">An allow/block glob that matches it and nothing of another name.</param>
public sealed record SampleArtifact(string Name, string Variant, SampleFile Published, IReadOnlyList<string> Reads, string DeletePath, string RuleGlob);

/// <summary>
/// A kind of bad input to a hosted repository: what must be there first (a file it clashes with), and the request that
/// must be refused with <paramref name="Status"/>.
/// </summary>
public sealed record BadInput(
    string Kind, int Status, Func<HttpClient, string, Task<HttpResponseMessage>> SendAsync, Func<HttpClient, string, Task>? PrepareAsync = null);

/// <summary>
/// What a repository conformance suite needs to know of a format (<see cref="GoSample"/>, <see cref="RawSample"/>): how
/// its artifacts and metadata look, how an upstream serves them, how they are published, and its bad inputs. Both
/// formats answer under <c>/repository/{name}/{path}</c>, and an upstream serves a file at the same relative path.
/// </summary>
public abstract class FormatSample
{
    /// <summary>The <c>format</c> of a repository created through the API.</summary>
    public abstract string Format { get; }

    public abstract SampleArtifact Artifact(string name, string variant = "a");

    /// <summary>Lays the artifact out in an upstream's tree; returns the files the upstream now serves, with their bytes.</summary>
    public abstract IReadOnlyList<SampleFile> LayOut(StaticUpstream upstream, SampleArtifact artifact);

    /// <summary>
    /// A metadata file of <paramref name="name"/> (fetched again by a proxy once older than its max age; Go: the version
    /// list, raw: a path matching <c>metadataPaths</c>), as it reads in its <paramref name="generation"/>th edition.
    /// </summary>
    public abstract SampleFile Metadata(string name, int generation);

    /// <summary>The proxy settings this format's proxies need besides the upstream (raw: which paths are metadata).</summary>
    public virtual IReadOnlyDictionary<string, object> ProxySettings { get; } = new Dictionary<string, object>();

    /// <summary>Every kind of bad input the format refuses; each leaves nothing behind.</summary>
    public abstract IReadOnlyList<BadInput> BadInputs { get; }

    public static string Url(string repository, string path) => $"/repository/{repository}/{path}";

    /// <summary>Publishes the artifact to a hosted repository (both formats: a PUT of its bytes to its path).</summary>
    public virtual Task<HttpResponseMessage> PublishAsync(HttpClient admin, string repository, SampleArtifact artifact) =>
        admin.PutAsync(Url(repository, artifact.Published.Path), new ByteArrayContent(artifact.Published.Bytes));

    /// <summary>A PUT whose Content-Length says <paramref name="length"/> bytes, whatever few bytes follow.</summary>
    protected static Task<HttpResponseMessage> PutDeclaringAsync(HttpClient admin, string url, long length)
    {
        var content = new StreamContent(new MemoryStream(new byte[16]));
        content.Headers.ContentLength = length;
        return admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, url) { Content = content });
    }
}
