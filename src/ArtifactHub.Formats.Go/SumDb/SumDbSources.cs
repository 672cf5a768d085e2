using System.Net;

namespace ArtifactHub.Formats.Go.SumDb;

/// <summary>Where a checksum database's files can be read from: <see cref="SumDbFetch"/>es over HTTP and from a folder.</summary>
public static class SumDbSources
{
    /// <summary>GETs <c>{baseUrl}/{path}</c>: a database's own URL, or a proxy's <c>…/sumdb/{name}</c>.</summary>
    public static SumDbFetch Http(HttpClient http, Uri baseUrl)
    {
        var root = baseUrl.AbsoluteUri.TrimEnd('/') + "/";
        return async (path, cancellationToken) =>
        {
            using var response = await http.GetAsync(new Uri(root + path), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SumDbException(SumDbProblem.FetchFailed, $"GET {root}{path}: {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength > SumDbContent.MaxFile)
            {
                throw new SumDbException(SumDbProblem.FetchFailed, $"GET {root}{path}: {response.Content.Headers.ContentLength} bytes is more than a checksum database file can be");
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await ReadLimitedAsync(stream, $"GET {root}{path}", cancellationToken).ConfigureAwait(false);
            }
        };
    }

    /// <summary>
    /// Reads <c>{directory}/{path}</c>, the layout a checksum database's URL space has (and a proxy's <c>sumdb/{name}/</c>
    /// assets): <c>latest</c>, <c>lookup/…</c>, <c>tile/…</c>.
    /// </summary>
    public static SumDbFetch Directory(string directory)
    {
        var root = Path.GetFullPath(directory);
        return async (path, cancellationToken) =>
        {
            if (path.Length == 0 || path.StartsWith('/') || path.Split('/').Any(part => part is "" or "." or ".." || part.Contains('\\', StringComparison.Ordinal)))
            {
                throw new ArgumentException($"\"{path}\" is not a checksum database path", nameof(path));
            }

            var file = Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(file))
            {
                return null;
            }

            var stream = File.OpenRead(file);
            await using (stream.ConfigureAwait(false))
            {
                return await ReadLimitedAsync(stream, file, cancellationToken).ConfigureAwait(false);
            }
        };
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream stream, string what, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > SumDbContent.MaxFile)
            {
                throw new SumDbException(SumDbProblem.FetchFailed, $"{what}: more than {SumDbContent.MaxFile} bytes, more than a checksum database file can be");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
