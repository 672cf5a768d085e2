using System.Security.Cryptography;
using System.Text;

namespace ArtifactHub.Storage.AzureBlob;

/// <summary>
/// Shared Key authorization for the Blob service ("Authorize with Shared Key", version 2015-02-21 and later):
/// an HMAC-SHA256, keyed with the account key, of the verb, twelve standard headers, the x-ms- headers and the
/// canonicalized resource.
/// </summary>
public sealed class SharedKeySigner(string accountName, byte[] accountKey)
{
    public void Sign(HttpRequestMessage request)
    {
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(StringToSign(request))));
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {accountName}:{signature}");
    }

    public string StringToSign(HttpRequestMessage request)
    {
        var content = request.Content?.Headers;
        var contentLength = content?.ContentLength is long length and > 0 ? length.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        var builder = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(Header(request, "Content-Encoding")).Append('\n')
            .Append(Header(request, "Content-Language")).Append('\n')
            .Append(contentLength).Append('\n') // empty, not "0", for an empty body
            .Append(content?.ContentMD5 is { } md5 ? Convert.ToBase64String(md5) : "").Append('\n')
            .Append(content?.ContentType?.ToString() ?? "").Append('\n')
            .Append('\n') // Date: we send x-ms-date instead
            .Append(Header(request, "If-Modified-Since")).Append('\n')
            .Append(Header(request, "If-Match")).Append('\n')
            .Append(Header(request, "If-None-Match")).Append('\n')
            .Append(Header(request, "If-Unmodified-Since")).Append('\n')
            .Append(Header(request, "Range")).Append('\n');
        AppendCanonicalizedHeaders(builder, request);
        AppendCanonicalizedResource(builder, request.RequestUri ?? throw new ArgumentException("the request has no URI", nameof(request)));
        return builder.ToString();
    }

    private static string Header(HttpRequestMessage request, string name)
    {
        if (request.Headers.TryGetValues(name, out var values) || (request.Content is not null && request.Content.Headers.TryGetValues(name, out values)))
        {
            return string.Join(",", values);
        }

        return "";
    }

    private static void AppendCanonicalizedHeaders(StringBuilder builder, HttpRequestMessage request)
    {
        var headers = request.Headers.NonValidated
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: string.Join(",", h.Value.Select(v => v.Trim()))))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private void AppendCanonicalizedResource(StringBuilder builder, Uri uri)
    {
        // The account, then the path as sent: on a path-style endpoint (Azurite) the account appears twice.
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return;
        }

        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=');
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
                var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
                return (name, value);
            })
            .GroupBy(p => p.name)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            builder.Append('\n').Append(parameter.Key).Append(':')
                .Append(string.Join(",", parameter.Select(p => p.value).Order(StringComparer.Ordinal)));
        }
    }
}
