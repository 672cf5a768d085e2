using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>
/// <c>POST /api/v1/repositories/{name}/upload</c>: the web UI uploads a zip without saying its module or version; the
/// server reads them from the entries and publishes as <c>PUT …/@v/{version}.zip</c> would.
/// </summary>
public sealed class ModuleZipUploadApiTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private Task<string> HostedAsync(object? hosted = null, bool online = true) =>
        admin.CreateRepositoryAsync(new { name = NewName("up"), format = "go", type = "hosted", online, hosted });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string repository, byte[] body, string contentType = "application/zip")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await client.PostAsync($"/api/v1/repositories/{repository}/upload", content);
        var text = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true;
        return (response.StatusCode, json ? JsonDocument.Parse(text).RootElement : default);
    }

    [Fact]
    public async Task A_zip_is_published_under_the_module_and_version_its_entries_name_as_a_PUT_would_be()
    {
        const string module = "example.com/Upload/Api";
        var zip = ModuleZipBuilder.Simple(module, "v1.2.3", null, ("api.go", "package api\n"));
        var repository = await HostedAsync();

        var (status, body) = await PostAsync(admin, repository, zip);

        Assert.Equal(HttpStatusCode.Created, status);
        var put = await admin.PublishAsync(module, "v1.2.3", zip, await HostedAsync());
        var uploaded = body.Deserialize<Published>(JsonSerializerOptions.Web)!;
        Assert.Equal(put with { Time = uploaded.Time }, uploaded);
        Assert.Equal(zip, await factory.CreateClient().GetByteArrayAsync(GoClient.Url(module, "@v/v1.2.3.zip", repository)));
        Assert.Equal("v1.2.3\n", (await admin.GetTextAsync(GoClient.Url(module, "@v/list", repository))).Body);

        var audit = await admin.GetJsonAsync<JsonElement>($"/api/v1/audit?action=content.upload&target={repository}/");
        var entry = audit.GetProperty("items").EnumerateArray().Single();
        Assert.Equal($"{repository}/example.com/!upload/!api/@v/v1.2.3.zip", entry.GetProperty("target").GetString());
        Assert.True(entry.GetProperty("succeeded").GetBoolean());
        Assert.Equal("answered 201", entry.GetProperty("details").GetString());
        Assert.Equal("admin", entry.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task The_same_bytes_again_answer_200_and_other_bytes_409_and_the_version_keeps_its_content()
    {
        const string module = "example.com/upload/again";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0");
        var repository = await HostedAsync();
        var (created, first) = await PostAsync(admin, repository, zip);
        var blobs = factory.Blobs().Length;

        var (again, second) = await PostAsync(admin, repository, zip, "application/octet-stream");
        var (conflict, problem) = await PostAsync(admin, repository, ModuleZipBuilder.Simple(module, "v1.0.0", null, ("other.go", "package again\n")));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict), (created, again, conflict));
        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal("Version exists", problem.GetProperty("title").GetString());
        Assert.Contains("already exists with different content", problem.GetProperty("detail").GetString());
        Assert.Equal(zip, await admin.GetByteArrayAsync(GoClient.Url(module, "@v/v1.0.0.zip", repository)));
        Assert.Equal(blobs, factory.Blobs().Length);
        Assert.Empty(factory.StagedFiles());
    }

    public static TheoryData<string, byte[], string> BadZips => new()
    {
        { "not a zip", Encoding.UTF8.GetBytes("this is not a zip"), "not a zip file" },
        { "empty zip", EmptyZip(), "the zip is empty" },
        { "corrupt central directory", CorruptCentralDirectory(ModuleZipBuilder.Simple("example.com/upload/corrupt", "v1.0.0")), "not a zip file" },
        { "empty version", new ModuleZipBuilder("example.com/one", "v1.0.0").AddRaw("example.com/one@/x.go", "package one\n"u8.ToArray()).Build(), "not a semantic version" },
        { "two prefixes", new ModuleZipBuilder("example.com/one", "v1.0.0").Add("go.mod", "module example.com/one\n").AddRaw("example.com/two@v1.0.0/x.go", "package two\n"u8.ToArray()).Build(), "do not share one {module}@{version}/ prefix" },
        { "no prefix", new ModuleZipBuilder("example.com/one", "v1.0.0").AddRaw("go.mod", "module example.com/one\n"u8.ToArray()).Build(), "is not under a {module}@{version}/ prefix" },
        { "go.mod of another module", ModuleZipBuilder.Simple("example.com/upload/said", "v1.0.0", "module example.com/upload/other\n"), "go.mod declares module \"example.com/upload/other\"" },
        { "version against the path", ModuleZipBuilder.Simple("example.com/upload/v2", "v1.0.0"), "should be v2, not v1" },
        { "file name rule", new ModuleZipBuilder("example.com/upload/names", "v1.0.0").Add("go.mod", "module example.com/upload/names\n").Add("A.go", "package a\n").Add("a.go", "package a\n").Build(), "case-insensitive file name collision" },
    };

    [Theory]
    [MemberData(nameof(BadZips))]
    public async Task A_bad_zip_is_a_400_problem_that_says_what_is_wrong_and_leaves_nothing_behind(string _, byte[] body, string reason)
    {
        var repository = await HostedAsync();
        var blobs = factory.Blobs().Length;

        var (status, problem) = await PostAsync(admin, repository, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        var counts = await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{repository}");
        Assert.Equal((0, 0L), (counts.GetProperty("versionCount").GetInt32(), counts.GetProperty("storageBytes").GetInt64()));
        Assert.Equal(blobs, factory.Blobs().Length);
        Assert.Empty(factory.StagedFiles());
        var audit = await admin.GetJsonAsync<JsonElement>($"/api/v1/audit?action=content.upload&target={repository}/");
        Assert.False(audit.GetProperty("items")[0].GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task A_repository_that_cannot_take_the_upload_answers_as_a_PUT_there()
    {
        const string module = "example.com/upload/refused";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0");
        var proxy = await admin.CreateProxyAsync("up-proxy", new Dictionary<string, object> { ["upstream"] = "http://127.0.0.1:9/" });
        var group = await admin.CreateRepositoryAsync(new { name = NewName("up-group"), format = "go", type = "group", group = new { members = new[] { proxy } } });
        var readOnly = await HostedAsync(new { writePolicy = "read-only" });
        var offline = await HostedAsync(online: false);

        foreach (var (repository, title) in new[] { (proxy, "Not a hosted repository"), (group, "Not a hosted repository"), (readOnly, "Read-only repository"), (offline, "Repository offline") })
        {
            using var put = await admin.UploadAsync(module, "v1.0.0", zip, repository);
            var (status, problem) = await PostAsync(admin, repository, zip);

            Assert.Equal(put.StatusCode, status);
            Assert.Equal(title, problem.GetProperty("title").GetString());
            Assert.Equal((await put.Content.ReadAsStringAsync()).TrimEnd('\n'), problem.GetProperty("detail").GetString());
        }

        var (missing, notFound) = await PostAsync(admin, "no-such-repository", zip);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("Repository not found", notFound.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_body_declared_over_the_zip_limit_is_a_413_before_it_is_read()
    {
        var repository = await HostedAsync();

        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = $"/api/v1/repositories/{repository}/upload";
            c.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + ArtifactHubFactory.AdminPassword));
            c.Request.ContentLength = (500L << 20) + 1;
            c.Request.Body = new MemoryStream(new byte[16]);
        });

        Assert.Equal(413, context.Response.StatusCode);
        Assert.Contains("module zip is too large", await new StreamReader(context.Response.Body).ReadToEndAsync());
        Assert.Empty(factory.StagedFiles());
    }

    [Fact]
    public async Task Uploading_needs_write_on_the_repository()
    {
        const string module = "example.com/upload/guarded";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0");
        var repository = await HostedAsync();
        await SecurityTestData.CreateRoleAsync(factory, repository + "-readers", $"repository:{repository}:read");
        await SecurityTestData.CreateUserAsync(factory, repository + "-reader", "reader password 12", repository + "-readers");

        var (anonymous, _) = await PostAsync(factory.CreateClient(), repository, zip);
        var (reader, _) = await PostAsync(factory.CreateBasicClient(repository + "-reader", "reader password 12"), repository, zip);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), (anonymous, reader));
        Assert.Equal(404, (await admin.GetTextAsync(GoClient.Url(module, "@v/v1.0.0.info", repository))).Status);
    }

    /// <summary>The zip with its end record intact but its first central directory header's signature broken.</summary>
    private static byte[] CorruptCentralDirectory(byte[] zip)
    {
        var at = zip.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        Assert.True(at >= 0);
        var corrupt = zip.ToArray();
        corrupt[at] = (byte)'X';
        return corrupt;
    }

    private static byte[] EmptyZip()
    {
        using var buffer = new MemoryStream();
        using (new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
        }

        return buffer.ToArray();
    }
}
