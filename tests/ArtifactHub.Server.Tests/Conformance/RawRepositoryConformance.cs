namespace ArtifactHub.Server.Tests.Conformance;

/// <summary>The hosted repository suite on raw: a file at a path, under the default write policy allow-once.</summary>
public sealed class RawHostedRepositoryConformance(ArtifactHubFactory factory) : HostedRepositoryConformance<RawSample>(factory);

/// <summary>
/// The proxy repository suite on raw, with <c>*.json</c> as its metadata paths. Raw has no second origin of its own (Go's
/// checksum database); the suite's redirect to another origin is its case of credentials that must not follow.
/// </summary>
public sealed class RawProxyRepositoryConformance(ArtifactHubFactory factory) : ProxyRepositoryConformance<RawSample>(factory);

/// <summary>The group repository suite on raw.</summary>
public sealed class RawGroupRepositoryConformance(ArtifactHubFactory factory) : GroupRepositoryConformance<RawSample>(factory);
