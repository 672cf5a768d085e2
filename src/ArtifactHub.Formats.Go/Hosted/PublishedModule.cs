namespace ArtifactHub.Formats.Go.Hosted;

/// <summary>The answer to an upload: what was published and the go.sum hashes a client will compute for it.</summary>
public sealed record PublishedModule(string Module, string Version, string Time, string ZipHash, string ModHash, long Size);
