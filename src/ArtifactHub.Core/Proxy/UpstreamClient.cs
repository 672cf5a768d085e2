using System.Net;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Core.Security;

namespace ArtifactHub.Core.Proxy;

/// <summary>What an upstream answered.</summary>
public abstract record UpstreamAnswer : IDisposable
{
    /// <summary>200: the body, to be read within the read timeout.</summary>
    public sealed record Found(HttpResponseMessage Response, Stream Body) : UpstreamAnswer;

    /// <summary>404 or 410: the upstream does not have it.</summary>
    public sealed record Missing : UpstreamAnswer;

    /// <summary>Anything else: our failure to get it, with the status we answer (502, or 504 for a timeout).</summary>
    public sealed record Failed(int Status, string Message) : UpstreamAnswer;

    public void Dispose()
    {
        if (this is Found found)
        {
            found.Body.Dispose();
            found.Response.Dispose();
        }
    }
}

/// <summary>
/// GETs from a proxy repository's upstream (or another URL on its behalf, such as a checksum database) with the
/// repository's timeouts and credentials, retries and a circuit breaker per upstream origin
/// (<see cref="UpstreamResilience"/>); two connection pools for every repository and format: one that decodes
/// compressed answers (the GOPROXY protocol) and one that keeps bytes as sent (raw files).
/// </summary>
public sealed class UpstreamClient(UpstreamResilience resilience, ISecretProtector secrets) : IDisposable
{
    private readonly HttpClient decoding = UpstreamHttp.Create(decompress: true);
    private readonly HttpClient asSent = UpstreamHttp.Create(decompress: false);

    /// <inheritdoc cref="GetAsync(ProxySettings, string, string, bool, CancellationToken)"/>
    public Task<UpstreamAnswer> GetAsync(ProxySettings settings, string baseUrl, string relativePath, CancellationToken cancellationToken) =>
        GetAsync(settings, baseUrl, relativePath, decode: true, cancellationToken);

    /// <summary>
    /// GETs a path under a base URL (the repository's upstream, or a checksum database) with the repository's
    /// timeouts. The repository's credentials go only to its upstream's origin.
    /// </summary>
    /// <param name="decode">
    /// Ask for compression and decode it, as the go command does; false: ask for none and keep the bytes as the upstream
    /// sent them, so a .tar.gz an upstream labels <c>Content-Encoding: gzip</c> stays the .tar.gz, as curl keeps it.
    /// </param>
    public async Task<UpstreamAnswer> GetAsync(ProxySettings settings, string baseUrl, string relativePath, bool decode, CancellationToken cancellationToken)
    {
        var url = new Uri(baseUrl.TrimEnd('/') + "/" + relativePath);
        if (!UpstreamAuthorization.TryCreate(settings, url, secrets, out var authorization))
        {
            return new UpstreamAnswer.Failed(502, $"upstream credentials for {settings.Upstream} cannot be read (data-protection keys changed?); set them again on the repository");
        }

        // One deadline for the headers of all attempts together: retries never stretch the wait past the repository's timeouts.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds + settings.ReadTimeoutSeconds));
        HttpResponseMessage? response = null;
        try
        {
            response = await resilience.SendAsync(
                url,
                token =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = authorization } };
                    request.Options.Set(UpstreamHttp.ConnectTimeout, TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds));
                    return (decode ? decoding : asSent).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                },
                timeout.Token,
                cancellationToken);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                response.Dispose();
                return new UpstreamAnswer.Missing();
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                response.Dispose();
                var hint = status is 401 or 403 ? " (its credentials are missing or wrong)" : "";
                return new UpstreamAnswer.Failed(502, $"upstream {baseUrl} answered {status} for {relativePath}{hint}");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new UpstreamAnswer.Found(response, new ReadTimeoutStream(body, TimeSpan.FromSeconds(settings.ReadTimeoutSeconds)));
        }
        catch (UpstreamBrokenException e)
        {
            return new UpstreamAnswer.Failed(502, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            return new UpstreamAnswer.Failed(504, $"upstream {baseUrl} did not answer in time for {relativePath}");
        }
        catch (HttpRequestException e) when (e.InnerException is TimeoutException)
        {
            response?.Dispose();
            return new UpstreamAnswer.Failed(504, $"upstream {baseUrl} could not be reached in time: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            response?.Dispose();
            return new UpstreamAnswer.Failed(502, $"upstream {baseUrl} could not be reached: {e.Message}");
        }
    }

    public void Dispose()
    {
        decoding.Dispose();
        asSent.Dispose();
    }
}
