using System.Text;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Core.Proxy;
using ArtifactHub.Core.Repositories;

namespace ArtifactHub.Formats.Raw.Proxy;

/// <summary>
/// <c>verifySidecar</c>: a file fetched by a raw proxy is kept only when its SHA-256 is the one in the upstream's
/// checksum file at its path plus the suffix (<c>go1.22.5.linux-amd64.tar.gz.sha256</c>). The checksum file holds the
/// hex digest first, alone (as dl.google.com's do) or followed by the file name (as <c>sha256sum</c> writes them). A
/// missing or unreadable checksum file refuses the file too: it cannot be verified.
/// </summary>
public sealed class SidecarCheck(UpstreamClient upstream)
{
    private const int MaxSidecarBytes = 4096;

    /// <summary>Files, not directory pages, and not the checksum files themselves.</summary>
    public bool Applies(ProxySettings settings, RawPath path) =>
        settings.VerifySidecar is { } suffix && !path.IsDirectory && !path.Value.EndsWith(suffix, StringComparison.Ordinal);

    public Func<StagedFile, CancellationToken, Task<FetchVerdict>> For(ProxySettings settings, RawPath path) => async (fetched, cancellationToken) =>
    {
        var sidecar = path.Escaped + settings.VerifySidecar;
        using var answer = await upstream.GetAsync(settings, settings.Upstream, sidecar, cancellationToken);
        if (answer is not UpstreamAnswer.Found found)
        {
            var why = answer is UpstreamAnswer.Failed failed ? failed.Message : "it is not there";
            return new FetchVerdict.Refused($"{path.Value} cannot be verified against {settings.Upstream.TrimEnd('/')}/{sidecar}: {why}");
        }

        var expected = await ReadDigestAsync(found.Body, cancellationToken);
        if (expected is null)
        {
            return new FetchVerdict.Refused($"{path.Value} cannot be verified: {sidecar} upstream does not start with a SHA-256 digest");
        }

        return string.Equals(expected, fetched.Sha256, StringComparison.OrdinalIgnoreCase)
            ? FetchVerdict.Accept
            : new FetchVerdict.Refused($"{path.Value} from {settings.Upstream} has SHA-256 {fetched.Sha256}, but {sidecar} says {expected.ToLowerInvariant()}: refused");
    };

    /// <summary>The first word of the checksum file when it is 64 hex digits, else null.</summary>
    private static async Task<string?> ReadDigestAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxSidecarBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        var first = Encoding.ASCII.GetString(buffer, 0, length).Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is { Length: 64 } && first.All(Uri.IsHexDigit) ? first : null;
    }
}
