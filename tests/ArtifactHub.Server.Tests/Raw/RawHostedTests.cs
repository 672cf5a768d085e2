using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Tests.Raw;

/// <summary>A hosted raw repository: any file at any path, as curl puts and gets it.</summary>
public sealed class RawHostedTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();
    private readonly HttpClient anonymous = factory.CreateClient();

    [Fact]
    public async Task A_file_put_at_a_path_reads_back_with_a_type_from_its_extension_an_etag_and_304_on_revalidation()
    {
        var repo = await admin.CreateRawAsync("files", "hosted");
        var bytes = RandomNumberGenerator.GetBytes(70_000);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));

        using var put = await admin.PutFileAsync(repo, "tools/linter 2.1/linter.tar.gz", bytes);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var stored = await put.JsonAsync();
        Assert.Equal(("tools/linter 2.1/linter.tar.gz", bytes.Length, sha256, "application/gzip"),
            (stored.GetProperty("path").GetString(), stored.GetProperty("size").GetInt32(), stored.GetProperty("sha256").GetString(), stored.GetProperty("contentType").GetString()));

        using var get = await anonymous.GetAsync(RawClient.Url(repo, "tools/linter 2.1/linter.tar.gz"));
        Assert.Equal(bytes, await get.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/gzip", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"\"{sha256}\"", get.Headers.ETag?.Tag);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, RawClient.Url(repo, "tools/linter 2.1/linter.tar.gz"));
        revalidate.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{sha256}\""));
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(revalidate)).StatusCode);

        using var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, RawClient.Url(repo, "tools/linter 2.1/linter.tar.gz")));
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task An_uploaded_html_page_is_served_sandboxed_and_unsniffed_so_its_script_cannot_act_as_a_signed_in_user()
    {
        var repo = await admin.CreateRawAsync("pages", "hosted");
        await admin.PutFileAsync(repo, "evil.html", "<script>fetch('/api/v1/security/users')</script>"u8.ToArray());

        using var page = await anonymous.GetAsync(RawClient.Url(repo, "evil.html"));

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("sandbox", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Under_allow_once_the_same_bytes_again_are_a_200_and_other_bytes_a_409_that_changes_nothing()
    {
        var repo = await admin.CreateRawAsync("once", "hosted");
        Assert.Equal(HttpStatusCode.Created, (await admin.PutFileAsync(repo, "a.txt", "first"u8.ToArray())).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutFileAsync(repo, "a.txt", "first"u8.ToArray())).StatusCode);
        using var conflict = await admin.PutFileAsync(repo, "a.txt", "second"u8.ToArray());

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("allow-once", await conflict.Content.ReadAsStringAsync());
        Assert.Equal("first", await anonymous.GetStringAsync(RawClient.Url(repo, "a.txt")));
    }

    [Fact]
    public async Task Under_allow_a_file_is_replaced_and_the_new_bytes_are_served_at_once()
    {
        var repo = await admin.CreateRawAsync("overwrite", "hosted", new { writePolicy = "allow" });
        Assert.Equal(HttpStatusCode.Created, (await admin.PutFileAsync(repo, "latest/VERSION", "1.0"u8.ToArray())).StatusCode);
        Assert.Equal("1.0", await anonymous.GetStringAsync(RawClient.Url(repo, "latest/VERSION")));

        using var replaced = await admin.PutFileAsync(repo, "latest/VERSION", "1.1"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("1.1", await anonymous.GetStringAsync(RawClient.Url(repo, "latest/VERSION")));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Assets.CountAsync(a => a.Repository!.Name == repo)));
    }

    [Fact]
    public async Task A_directory_path_answers_an_html_index_or_with_accept_json_a_listing_of_what_lies_below_it()
    {
        var repo = await admin.CreateRawAsync("tree", "hosted");
        await admin.PutFileAsync(repo, "dists/go/b.txt", "b"u8.ToArray());
        await admin.PutFileAsync(repo, "dists/go/a<script>.txt", "a"u8.ToArray());
        await admin.PutFileAsync(repo, "dists/go/old/c.txt", "c"u8.ToArray());
        await admin.PutFileAsync(repo, "top.txt", "t"u8.ToArray());

        var html = await anonymous.GetAsync(RawClient.Url(repo, "dists/go/"));
        var page = await html.Content.ReadAsStringAsync();
        using var json = new HttpRequestMessage(HttpMethod.Get, RawClient.Url(repo, "dists/go/")) { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } } };
        var listing = await (await anonymous.SendAsync(json)).JsonAsync();
        using var root = new HttpRequestMessage(HttpMethod.Get, RawClient.Url(repo, "")) { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } } };
        var top = await (await anonymous.SendAsync(root)).JsonAsync();

        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<a href=\"old/\">old/</a>", page);
        Assert.Contains("<a href=\"a%3Cscript%3E.txt\">a&lt;script&gt;.txt</a>", page); // names are escaped, never markup
        Assert.Equal("dists/go/", listing.GetProperty("path").GetString());
        Assert.Equal(["old", "a<script>.txt", "b.txt"], listing.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(["directory", "file", "file"], listing.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["dists/", "top.txt"], top.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(RawClient.Url(repo, "nothing/"))).StatusCode);
    }

    [Fact]
    public async Task A_path_is_a_file_or_a_directory_never_both()
    {
        var repo = await admin.CreateRawAsync("clash", "hosted");
        await admin.PutFileAsync(repo, "a/b.txt", "b"u8.ToArray());
        await admin.PutFileAsync(repo, "c", "c"u8.ToArray());

        using var fileOverDirectory = await admin.PutFileAsync(repo, "a", "x"u8.ToArray());
        using var fileUnderFile = await admin.PutFileAsync(repo, "c/d.txt", "x"u8.ToArray());

        Assert.Equal(HttpStatusCode.Conflict, fileOverDirectory.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, fileUnderFile.StatusCode);
        Assert.Contains("c is a file", await fileUnderFile.Content.ReadAsStringAsync());
        Assert.Equal(2, await factory.WithDbAsync(db => db.Assets.CountAsync(a => a.Repository!.Name == repo)));
    }

    [Fact]
    public async Task Paths_differ_by_case_so_Dir_and_dir_are_two_directories()
    {
        var repo = await admin.CreateRawAsync("cases", "hosted");
        await admin.PutFileAsync(repo, "Dir/a.txt", "a"u8.ToArray());

        using var file = await admin.PutFileAsync(repo, "dir", "not a clash"u8.ToArray());
        using var listing = new HttpRequestMessage(HttpMethod.Get, RawClient.Url(repo, "")) { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } } };
        var root = await (await anonymous.SendAsync(listing)).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, file.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/repositories/{repo}/tree/dir")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(RawClient.Url(repo, "dir/"))).StatusCode);
        Assert.Equal(["Dir/", "dir"], root.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
    }

    [Theory]
    [InlineData("a//b.txt")]
    [InlineData("a%5Cb.txt")]
    [InlineData("a%01b.txt")]
    [InlineData("dir/")]
    public async Task A_bad_path_is_a_400_and_stores_nothing(string escapedPath)
    {
        var repo = await admin.CreateRawAsync("badpath", "hosted");
        var blobs = factory.Blobs().Length;

        using var response = await admin.PutAsync($"/repository/{repo}/{escapedPath}", new ByteArrayContent("x"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Assets.CountAsync(a => a.Repository!.Name == repo)));
        Assert.Equal(blobs, factory.Blobs().Length);
        Assert.Empty(factory.StagedFiles());
    }

    [Fact]
    public async Task A_path_longer_than_1024_characters_is_a_400()
    {
        var repo = await admin.CreateRawAsync("long", "hosted");

        using var response = await admin.PutFileAsync(repo, string.Join('/', Enumerable.Repeat(new string('x', 100), 11)), "x"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1024", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_deleted_file_is_gone_a_directory_is_not_deleted_whole_and_a_read_only_repository_refuses_both()
    {
        var repo = await admin.CreateRawAsync("deletes", "hosted");
        await admin.PutFileAsync(repo, "d/x.bin", [1, 2, 3]);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.DeleteAsync(RawClient.Url(repo, "d/"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(RawClient.Url(repo, "d/x.bin"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(RawClient.Url(repo, "d/x.bin"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(RawClient.Url(repo, "d/x.bin"))).StatusCode);

        await admin.PutFileAsync(repo, "kept.txt", "k"u8.ToArray());
        using var readOnly = await admin.PutAsync($"/api/v1/repositories/{repo}", new StringContent("""{"hosted":{"writePolicy":"read-only"}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, readOnly.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.DeleteAsync(RawClient.Url(repo, "kept.txt"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutFileAsync(repo, "new.txt", "n"u8.ToArray())).StatusCode);
        Assert.Equal("k", await anonymous.GetStringAsync(RawClient.Url(repo, "kept.txt")));
    }
}
