using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Api;

/// <summary>
/// HTTP Range on a hosted Go repository's published .zip (a blob: on disk or on Azure, by the test stack): one range gets
/// a 206 with exactly those bytes, an unsatisfiable one a 416, anything else the whole zip (RFC 9110, section 14).
/// </summary>
public sealed class ContentRangeTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();
    private readonly HttpClient anonymous = factory.CreateClient();

    [Fact]
    public async Task A_zip_says_it_accepts_byte_ranges_and_without_a_range_is_sent_whole()
    {
        var (url, zip) = await PublishAsync("whole");

        using var response = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["bytes"], response.Headers.AcceptRanges);
        Assert.Equal(zip, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_range_from_first_to_last_byte_answers_206_with_those_bytes()
    {
        var (url, zip) = await PublishAsync("firstlast");

        await AssertPartialAsync(url, zip, "bytes=100-199", 100, 199);
        await AssertPartialAsync(url, zip, "bytes=0-0", 0, 0);
        await AssertPartialAsync(url, zip, $"bytes={zip.Length - 1}-{zip.Length - 1}", zip.Length - 1, zip.Length - 1);
        await AssertPartialAsync(url, zip, "Bytes=70000-140000", 70_000, 140_000); // across the store's 64 KiB reads; the unit is case-insensitive
    }

    [Fact]
    public async Task A_range_from_a_byte_answers_the_rest_of_the_zip()
    {
        var (url, zip) = await PublishAsync("open");

        await AssertPartialAsync(url, zip, "bytes=1000-", 1000, zip.Length - 1);
        await AssertPartialAsync(url, zip, "bytes=0-", 0, zip.Length - 1);
    }

    [Fact]
    public async Task A_suffix_range_answers_the_last_bytes()
    {
        var (url, zip) = await PublishAsync("suffix");

        await AssertPartialAsync(url, zip, "bytes=-500", zip.Length - 500, zip.Length - 1);
        await AssertPartialAsync(url, zip, $"bytes=-{zip.Length + 1000}", 0, zip.Length - 1); // longer than the zip: all of it
    }

    [Fact]
    public async Task A_range_reaching_past_the_end_is_clipped_to_the_end()
    {
        var (url, zip) = await PublishAsync("clipped");

        await AssertPartialAsync(url, zip, $"bytes=100-{zip.Length + 5000}", 100, zip.Length - 1);
    }

    [Fact]
    public async Task A_range_that_starts_past_the_end_or_holds_nothing_is_a_416_that_gives_the_size()
    {
        var (url, zip) = await PublishAsync("unsatisfiable");

        foreach (var range in new[] { $"bytes={zip.Length}-", $"bytes={zip.Length + 10}-{zip.Length + 20}", "bytes=-0" })
        {
            using var response = await GetAsync(url, range);

            Assert.True(response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable, $"{range}: {(int)response.StatusCode}");
            Assert.Equal($"bytes */{zip.Length}", ContentRange(response));
        }
    }

    [Theory]
    [InlineData("bytes=0-9,20-29")]
    [InlineData("bytes=0-9, 100-")]
    [InlineData("bytes=-5,0-9")]
    public async Task Several_ranges_are_ignored_and_the_whole_zip_is_sent(string range)
    {
        var (url, zip) = await PublishAsync("several");

        await AssertWholeAsync(url, zip, range);
    }

    [Theory]
    [InlineData("bytes=abc")]
    [InlineData("bytes=9-5")]
    [InlineData("bytes=")]
    [InlineData("bytes=-")]
    [InlineData("bytes=0-9x")]
    [InlineData("bytes=--9")]
    [InlineData("bytes=+1-9")]
    [InlineData("bytes=99999999999999999999-")]
    [InlineData("bytes 0-9")]
    [InlineData("items=0-9")]
    [InlineData("=0-9")]
    public async Task A_malformed_range_is_ignored_and_the_whole_zip_is_sent(string range)
    {
        var (url, zip) = await PublishAsync("malformed");

        await AssertWholeAsync(url, zip, range);
    }

    [Fact]
    public async Task If_range_with_the_zips_etag_or_last_modified_date_honours_the_range()
    {
        var (url, zip) = await PublishAsync("ifrange");
        using var first = await anonymous.GetAsync(url);
        var etag = first.Headers.ETag!.Tag;
        var lastModified = first.Content.Headers.LastModified!.Value;

        await AssertPartialAsync(url, zip, "bytes=10-19", 10, 19, ifRange: etag);
        await AssertPartialAsync(url, zip, "bytes=10-19", 10, 19, ifRange: lastModified.ToString("R", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task If_range_with_another_validator_sends_the_whole_zip()
    {
        var (url, zip) = await PublishAsync("ifrangeother");
        using var first = await anonymous.GetAsync(url);
        var etag = first.Headers.ETag!.Tag;
        var lastModified = first.Content.Headers.LastModified!.Value;

        await AssertWholeAsync(url, zip, "bytes=10-19", ifRange: "\"some-other-version\"");
        await AssertWholeAsync(url, zip, "bytes=10-19", ifRange: "W/" + etag); // a weak tag never matches
        await AssertWholeAsync(url, zip, "bytes=10-19", ifRange: lastModified.AddSeconds(-1).ToString("R", CultureInfo.InvariantCulture));
        await AssertWholeAsync(url, zip, "bytes=10-19", ifRange: "not a date");
    }

    [Fact]
    public async Task If_none_match_comes_first_a_client_that_has_the_zip_gets_304()
    {
        var (url, _) = await PublishAsync("notmodified");
        using var first = await anonymous.GetAsync(url);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_range_on_an_answer_that_is_not_a_200_is_ignored()
    {
        using var response = await GetAsync(GoClient.Url("example.com/ranges/missing", "@v/v1.0.0.zip"), "bytes=0-9");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentRange);
        Assert.StartsWith("not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_range_on_an_answer_made_on_the_fly_is_ignored()
    {
        var (url, _) = await PublishAsync("list");
        var list = url.Replace("/@v/v1.0.0.zip", "/@v/list", StringComparison.Ordinal);

        using var response = await GetAsync(list, "bytes=0-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.AcceptRanges);
        Assert.Equal("v1.0.0\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Head_with_a_range_answers_the_headers_of_the_206_without_a_body()
    {
        var (url, zip) = await PublishAsync("head");

        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        request.Headers.TryAddWithoutValidation("Range", "bytes=100-199");
        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 100-199/{zip.Length}", ContentRange(response));
        Assert.Equal(100, response.Content.Headers.ContentLength);
        Assert.Equal(["bytes"], response.Headers.AcceptRanges);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A zip of some 200 KiB that does not compress (so ranges cross the blob store's 64 KiB reads), published to go-hosted.</summary>
    private async Task<(string Url, byte[] Zip)> PublishAsync(string name)
    {
        var module = $"example.com/ranges/{name}-{Guid.NewGuid():N}"[..^24]; // one per test case
        var zip = new ModuleZipBuilder(module, "v1.0.0")
            .Add("go.mod", $"module {module}\n")
            .Add("data.bin", RandomNumberGenerator.GetBytes(200 * 1024))
            .Build();
        await admin.PublishAsync(module, "v1.0.0", zip);
        return (GoClient.Url(module, "@v/v1.0.0.zip"), zip);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string range, string? ifRange = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Range", range); // as sent, malformed or not
        if (ifRange is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Range", ifRange);
        }

        return await anonymous.SendAsync(request);
    }

    private async Task AssertPartialAsync(string url, byte[] zip, string range, long first, long last, string? ifRange = null)
    {
        using var response = await GetAsync(url, range, ifRange);

        Assert.True(response.StatusCode == HttpStatusCode.PartialContent, $"{range} (If-Range {ifRange}): {(int)response.StatusCode}");
        Assert.Equal($"bytes {first}-{last}/{zip.Length}", ContentRange(response));
        Assert.Equal(last - first + 1, response.Content.Headers.ContentLength);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(zip[(int)first..(int)(last + 1)], await response.Content.ReadAsByteArrayAsync());
    }

    private async Task AssertWholeAsync(string url, byte[] zip, string range, string? ifRange = null)
    {
        using var response = await GetAsync(url, range, ifRange);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{range} (If-Range {ifRange}): {(int)response.StatusCode}");
        Assert.Null(response.Content.Headers.ContentRange);
        Assert.Equal(zip, await response.Content.ReadAsByteArrayAsync());
    }

    private static string? ContentRange(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Content-Range", out var values) ? string.Join(",", values) : null;
}
