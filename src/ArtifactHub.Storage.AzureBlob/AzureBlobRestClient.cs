using System.Buffers;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security;
using System.Text;
using System.Xml.Linq;

namespace ArtifactHub.Storage.AzureBlob;

/// <summary>
/// One container of the Azure Blob service over its REST API with Shared Key authorization. Large blobs go up as
/// Put Block + Put Block List, one block in memory at a time; downloads are streamed from the response.
/// </summary>
public sealed class AzureBlobRestClient : IAzureBlobClient, IDisposable
{
    /// <summary>A version both Azure and Azurite 3.x accept (Azurite also runs with --skipApiVersionCheck in the tests).</summary>
    public const string ApiVersion = "2021-08-06";

    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly SharedKeySigner signer;
    private readonly string containerUrl;

    public AzureBlobRestClient(AzureStorageConnectionString account, string container, int blockSizeBytes = AzureBlobOptions.DefaultBlockSizeBytes, HttpClient? http = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSizeBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockSizeBytes, MaxBlockSizeBytes);
        signer = new SharedKeySigner(account.AccountName, account.AccountKey);
        containerUrl = $"{account.BlobEndpoint.ToString().TrimEnd('/')}/{container}";
        BlockSizeBytes = blockSizeBytes;
        ownsHttp = http is null;
        this.http = http ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The Blob service's limit for one block (API version 2019-12-12 and later).</summary>
    public const int MaxBlockSizeBytes = 100 * 1024 * 1024;

    public int BlockSizeBytes { get; }

    /// <summary>Blobs per List Blobs request (the service allows up to 5000).</summary>
    public int ListPageSize { get; init; } = 5000;

    public async Task CreateContainerIfMissingAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, $"{containerUrl}?restype=container", null, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Conflict) // ContainerAlreadyExists
        {
            await EnsureSuccessAsync(response, "create container").ConfigureAwait(false);
        }
    }

    public async Task<bool> UploadIfMissingAsync(string blobName, Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(BlockSizeBytes, Math.Max(length, 1)));
        try
        {
            return length <= BlockSizeBytes
                ? await PutBlobAsync(blobName, content, (int)length, buffer, cancellationToken).ConfigureAwait(false)
                : await PutBlocksAsync(blobName, content, length, buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<bool> PutBlobAsync(string blobName, Stream content, int length, byte[] buffer, CancellationToken cancellationToken)
    {
        await content.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        using var response = await SendAsync(HttpMethod.Put, BlobUrl(blobName), new ReadOnlyMemoryContent(buffer.AsMemory(0, length)), request =>
        {
            request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
            request.Headers.TryAddWithoutValidation("If-None-Match", "*"); // create only: content-addressed blobs never change
        }, cancellationToken).ConfigureAwait(false);
        return await CreatedOrExistedAsync(response, "put blob").ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads uncommitted blocks, then commits them with If-None-Match: *. Block ids carry a per-upload prefix so
    /// that concurrent uploads of one name never mix blocks; the first commit wins, the others see the blob exists.
    /// </summary>
    private async Task<bool> PutBlocksAsync(string blobName, Stream content, long length, byte[] buffer, CancellationToken cancellationToken)
    {
        var upload = Guid.NewGuid().ToString("N");
        var blockIds = new List<string>();
        for (long sent = 0; sent < length;)
        {
            var size = (int)Math.Min(BlockSizeBytes, length - sent);
            await content.ReadExactlyAsync(buffer.AsMemory(0, size), cancellationToken).ConfigureAwait(false);
            // Every id in a blob has the same length: a fixed-width index after the upload's prefix.
            var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{upload}-{blockIds.Count:D6}"));
            using (var response = await SendAsync(HttpMethod.Put, $"{BlobUrl(blobName)}?comp=block&blockid={Uri.EscapeDataString(blockId)}",
                       new ReadOnlyMemoryContent(buffer.AsMemory(0, size)), null, cancellationToken).ConfigureAwait(false))
            {
                await EnsureSuccessAsync(response, "put block").ConfigureAwait(false);
            }

            blockIds.Add(blockId);
            sent += size;
        }

        var list = new XElement("BlockList", blockIds.Select(id => new XElement("Latest", id)));
        using var commit = await SendAsync(HttpMethod.Put, $"{BlobUrl(blobName)}?comp=blocklist",
            new StringContent(new XDeclaration("1.0", "utf-8", null) + list.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "application/xml"),
            request => request.Headers.TryAddWithoutValidation("If-None-Match", "*"), cancellationToken).ConfigureAwait(false);
        if (commit.StatusCode == HttpStatusCode.BadRequest && ErrorCode(commit) == "InvalidBlockList" && await GetLengthAsync(blobName, cancellationToken).ConfigureAwait(false) is not null)
        {
            // Another upload of the same name committed first, which discarded our uncommitted blocks.
            return false;
        }

        return await CreatedOrExistedAsync(commit, "put block list").ConfigureAwait(false);
    }

    public async Task<AzureBlobDownload?> DownloadAsync(string blobName, AzureBlobRange? range, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, BlobUrl(blobName), null, request =>
        {
            if (range is { } r)
            {
                request.Headers.TryAddWithoutValidation("x-ms-range", r.ToHeaderValue());
            }
        }, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        try
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                response.Dispose();
                return null;
            }

            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                // The range starts at or past the end (or the blob is empty): no bytes, but the blob is there.
                var size = BlobLengthOf(response);
                response.Dispose();
                size ??= await GetLengthAsync(blobName, cancellationToken).ConfigureAwait(false);
                return size is { } blobLength ? new AzureBlobDownload(Stream.Null, 0, blobLength) : null;
            }

            await EnsureSuccessAsync(response, "get blob").ConfigureAwait(false);
            var length = response.Content.Headers.ContentLength ?? throw new AzureBlobException((int)response.StatusCode, null, "get blob: the response has no Content-Length");
            var whole = response.StatusCode == HttpStatusCode.PartialContent
                ? BlobLengthOf(response) ?? throw new AzureBlobException((int)response.StatusCode, null, "get blob: a ranged answer has no Content-Range")
                : length;
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new AzureBlobDownload(new ResponseBodyStream(response, body, length), length, whole);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The size of the whole blob from a Content-Range (<c>bytes 0-99/1234</c>, <c>bytes */1234</c>). Read raw: an empty
    /// range at the end (<c>bytes 1234-1233/1234</c>, as Azurite answers) is not a valid header to the typed parser.
    /// </summary>
    private static long? BlobLengthOf(HttpResponseMessage response) =>
        response.Content.Headers.NonValidated.TryGetValues("Content-Range", out var values)
        && values.FirstOrDefault() is { } value
        && long.TryParse(value.AsSpan(value.LastIndexOf('/') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? size
            : null;

    public async Task<long?> GetLengthAsync(string blobName, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Head, BlobUrl(blobName), null, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, "get blob properties").ConfigureAwait(false);
        return response.Content.Headers.ContentLength;
    }

    public async Task<bool> DeleteIfExistsAsync(string blobName, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, BlobUrl(blobName), null, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, "delete blob").ConfigureAwait(false);
        return true;
    }

    public async Task<bool> TouchAsync(string blobName, CancellationToken cancellationToken)
    {
        // Set Blob Metadata changes Last-Modified and the ETag and nothing of the content.
        using var response = await SendAsync(HttpMethod.Put, $"{BlobUrl(blobName)}?comp=metadata", null,
            request => request.Headers.TryAddWithoutValidation("x-ms-meta-touched", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, "set blob metadata").ConfigureAwait(false);
        return true;
    }

    public async Task<bool> DeleteIfMatchAsync(string blobName, string etag, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, BlobUrl(blobName), null,
            // A listing gives the ETag bare; the header wants it quoted, as the service sends it.
            request => request.Headers.TryAddWithoutValidation("If-Match", etag.StartsWith('"') ? etag : $"\"{etag}\""), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed)
        {
            return false;
        }

        await EnsureSuccessAsync(response, "delete blob").ConfigureAwait(false);
        return true;
    }

    public async IAsyncEnumerable<AzureBlobItem> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            // Uncommitted blobs too: an upload cut off between Put Block and Put Block List leaves one, which GC must see.
            var url = $"{containerUrl}?restype=container&comp=list&include=uncommittedblobs&maxresults={ListPageSize.ToString(CultureInfo.InvariantCulture)}&prefix={Uri.EscapeDataString(prefix)}";
            if (!string.IsNullOrEmpty(marker))
            {
                url += $"&marker={Uri.EscapeDataString(marker)}";
            }

            XDocument page;
            using (var response = await SendAsync(HttpMethod.Get, url, null, null, cancellationToken).ConfigureAwait(false))
            {
                await EnsureSuccessAsync(response, "list blobs").ConfigureAwait(false);
                page = await XDocument.LoadAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), LoadOptions.None, cancellationToken).ConfigureAwait(false);
            }

            foreach (var blob in page.Root?.Element("Blobs")?.Elements("Blob") ?? [])
            {
                var properties = blob.Element("Properties");
                var name = (string?)blob.Element("Name") ?? "";
                var length = (long?)properties?.Element("Content-Length") ?? 0;
                var lastModified = DateTimeOffset.TryParse((string?)properties?.Element("Last-Modified"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                    ? time
                    : DateTimeOffset.MinValue;
                yield return new AzureBlobItem(name, length, lastModified, (string?)properties?.Element("Etag") ?? "");
            }

            marker = (string?)page.Root?.Element("NextMarker");
        }
        while (!string.IsNullOrEmpty(marker));
    }

    /// <summary>The sizes of a blob's committed blocks, in order (to see how an upload was split).</summary>
    public async Task<IReadOnlyList<long>> GetCommittedBlockSizesAsync(string blobName, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{BlobUrl(blobName)}?comp=blocklist&blocklisttype=committed", null, null, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "get block list").ConfigureAwait(false);
        var list = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return list.Root?.Element("CommittedBlocks")?.Elements("Block").Select(b => (long?)b.Element("Size") ?? 0).ToList() ?? [];
    }

    public void Dispose()
    {
        if (ownsHttp)
        {
            http.Dispose();
        }
    }

    private string BlobUrl(string blobName)
    {
        // Our names are [0-9a-f/]; escape each segment anyway so no name can reach another container or a query.
        return $"{containerUrl}/{string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString))}";
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content, Action<HttpRequestMessage>? configure,
        CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.TryAddWithoutValidation("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("x-ms-version", ApiVersion);
        configure?.Invoke(request);
        signer.Sign(request);
        return await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> CreatedOrExistedAsync(HttpResponseMessage response, string operation)
    {
        // 409 BlobAlreadyExists / 412 ConditionNotMet: If-None-Match: * found a blob there.
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)
        {
            return false;
        }

        await EnsureSuccessAsync(response, operation).ConfigureAwait(false);
        return true;
    }

    private static string? ErrorCode(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-ms-error-code", out var values) ? values.FirstOrDefault() : null;

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var code = ErrorCode(response);
        string detail;
        try
        {
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            detail = XDocument.Parse(body).Root?.Element("Message")?.Value.Split('\n')[0].Trim() ?? "";
        }
        catch (Exception e) when (e is System.Xml.XmlException or HttpRequestException or IOException or SecurityException)
        {
            detail = "";
        }

        throw new AzureBlobException((int)response.StatusCode, code,
            $"Azure Blob {operation} failed: {(int)response.StatusCode} {code ?? response.ReasonPhrase}{(detail.Length > 0 ? $" ({detail})" : "")}");
    }
}
