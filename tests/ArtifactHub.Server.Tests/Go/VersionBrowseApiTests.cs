using System.Net;
using System.Text;
using System.Text.Json;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Go;

/// <summary>A version in detail (files, README, go.mod) and the text of one of its files, as the web UI shows them.</summary>
public sealed class VersionBrowseApiTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();

    private static string Versions(string repository, string module, string version) => $"/api/v1/repositories/{repository}/versions/{module}@{version}";

    private static string Files(string repository, string module, string version, string path) => $"/api/v1/repositories/{repository}/files/{module}@{version}/{path}";

    private async Task<Published> PublishDocumentedAsync(string module, string version = "v1.0.0")
    {
        var zip = new ModuleZipBuilder(module, version)
            .Add("go.mod", $"module {module}\n\ngo 1.21\n")
            .Add("Readme.md", "# Hello\n\nSay hello.\n")
            .Add("hello.go", "package hello\n\n// Hello says hello, in Ελληνικά too.\nfunc Hello() string { return \"γεια\" }\n")
            .Add("docs/README.md", "not the root README\n")
            .Add("assets/logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
            .Add("latin1.txt", [0x63, 0x61, 0x66, 0xE9, 0x0A]) // "café" in ISO-8859-1: not UTF-8
            .Add("big.txt", new string('x', (1 << 20) + 1))
            .Build();
        return await admin.PublishAsync(module, version, zip);
    }

    [Fact]
    public async Task A_version_shows_its_files_sorted_its_root_readme_its_go_mod_and_hashes()
    {
        const string module = "example.com/vbrowse/Detail";
        var published = await PublishDocumentedAsync(module);

        var detail = await admin.GetJsonAsync<JsonElement>(Versions("go-hosted", module, "v1.0.0"));

        Assert.Equal(module, detail.GetProperty("module").GetString());
        Assert.Equal("v1.0.0", detail.GetProperty("version").GetString());
        Assert.Equal(published.ZipHash, detail.GetProperty("zipHash").GetString());
        Assert.Equal(published.ModHash, detail.GetProperty("modHash").GetString());
        Assert.Equal(published.Size, detail.GetProperty("size").GetInt64());
        Assert.Equal(0, detail.GetProperty("downloads").GetInt64());
        Assert.True(detail.GetProperty("cached").GetBoolean());
        Assert.Equal($"module {module}\n\ngo 1.21\n", detail.GetProperty("goMod").GetString());
        Assert.Equal("Readme.md", detail.GetProperty("readme").GetString());
        var files = detail.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("path").GetString(), f.GetProperty("size").GetInt64())).ToList();
        Assert.Equal(
            [("Readme.md", 20L), ("assets/logo.png", 10L), ("big.txt", (1L << 20) + 1), ("docs/README.md", 20L), ("go.mod", (long)$"module {module}\n\ngo 1.21\n".Length), ("hello.go", files.Single(f => f.Item1 == "hello.go").Item2), ("latin1.txt", 5L)],
            files);
    }

    [Fact]
    public async Task Without_a_root_readme_readme_is_null_and_still_in_the_answer()
    {
        const string module = "example.com/vbrowse/plain";
        await admin.PublishAsync(module, "v0.1.0", ModuleZipBuilder.Simple(module, "v0.1.0", null, ("sub/README", "nested only\n")));

        using var response = await admin.GetAsync(Versions("go-hosted", module, "v0.1.0"));
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(JsonValueKind.Null, detail.GetProperty("readme").ValueKind);
        Assert.Equal(["go.mod", "sub/README"], detail.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task A_text_file_is_sent_as_plain_text_that_a_browser_neither_sniffs_nor_runs()
    {
        const string module = "example.com/vbrowse/text";
        await PublishDocumentedAsync(module);

        using var response = await admin.GetAsync(Files("go-hosted", module, "v1.0.0", "hello.go"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("γεια", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("not the root README\n", (await admin.GetTextAsync(Files("go-hosted", module, "v1.0.0", "docs/README.md"))).Body);
        Assert.Equal("# Hello\n\nSay hello.\n", (await admin.GetTextAsync(Files("go-hosted", module, "v1.0.0", "Readme.md"))).Body);
    }

    [Fact]
    public async Task A_binary_file_is_a_415_a_file_over_one_MiB_a_413_and_a_missing_one_a_404()
    {
        const string module = "example.com/vbrowse/kinds";
        await PublishDocumentedAsync(module);

        await AssertProblemAsync(Files("go-hosted", module, "v1.0.0", "assets/logo.png"), 415, "Binary file");
        await AssertProblemAsync(Files("go-hosted", module, "v1.0.0", "latin1.txt"), 415, "Binary file");
        await AssertProblemAsync(Files("go-hosted", module, "v1.0.0", "big.txt"), 413, "File too large");
        await AssertProblemAsync(Files("go-hosted", module, "v1.0.0", "missing.go"), 404, "File not found");
        await AssertProblemAsync(Files("go-hosted", module, "v1.0.0", "docs"), 404, "File not found"); // a folder is not a file
        await AssertProblemAsync(Files("go-hosted", module, "v1.0.0", "readme.md"), 404, "File not found"); // names are exact
        await AssertProblemAsync(Files("go-hosted", module, "v9.9.9", "go.mod"), 404, "Version not found");
    }

    /// <summary>
    /// Sent as raw paths straight to the server (an HttpClient would resolve the dot segments first; Kestrel resolves them
    /// too, but the endpoint must not rely on what is in front of it).
    /// </summary>
    [Theory]
    [InlineData("../go.mod")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("docs/../go.mod")]
    [InlineData("./go.mod")]
    [InlineData("docs/./README.md")]
    [InlineData("docs//README.md")]
    [InlineData("/go.mod")]
    [InlineData("docs\\README.md")]
    [InlineData("..\\..\\go.mod")]
    [InlineData("docs%2FREADME.md")]
    public async Task A_path_that_tries_to_leave_the_module_or_is_not_clean_names_no_file(string path)
    {
        const string module = "example.com/vbrowse/tricks";
        await PublishOnceAsync(module, ModuleZipBuilder.Simple(module, "v1.0.0", null, ("docs/README.md", "readme-marker-4711\n")));

        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = $"/api/v1/repositories/go-hosted/files/{module}@v1.0.0/{path}";
        });
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();

        Assert.True(context.Response.StatusCode is 400 or 404, $"{context.Response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
        Assert.DoesNotContain("readme-marker-4711", body);
        Assert.DoesNotContain("module example.com", body);
    }

    [Fact]
    public async Task A_path_with_dot_segments_is_refused_as_not_clean()
    {
        const string module = "example.com/vbrowse/dots";
        await PublishOnceAsync(module, ModuleZipBuilder.Simple(module, "v1.0.0"));

        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = $"/api/v1/repositories/go-hosted/files/{module}@v1.0.0/sub/../go.mod";
        });

        Assert.Equal(400, context.Response.StatusCode);
        Assert.Contains("Invalid file path", await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    /// <summary>Publishes unless an earlier case of a theory did (each case runs on the same server).</summary>
    private async Task PublishOnceAsync(string module, byte[] zip)
    {
        using var response = await admin.UploadAsync(module, "v1.0.0", zip);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task The_at_sign_may_come_escaped_and_malformed_references_are_400s()
    {
        const string module = "example.com/vbrowse/escaped";
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));

        Assert.Equal("v1.0.0", (await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/go-hosted/versions/{module}%40v1.0.0")).GetProperty("version").GetString());
        Assert.Equal(200, (await admin.GetTextAsync($"/api/v1/repositories/go-hosted/files/{module}%40v1.0.0/go.mod")).Status);
        await AssertProblemAsync($"/api/v1/repositories/go-hosted/versions/{module}", 400, "Malformed module version");
        await AssertProblemAsync($"/api/v1/repositories/go-hosted/versions/{module}@", 400, "Malformed module version");
        await AssertProblemAsync($"/api/v1/repositories/go-hosted/files/{module}@v1.0.0", 400, "Malformed module version");
        await AssertProblemAsync($"/api/v1/repositories/go-hosted/files/{module}@v1.0.0/", 400, "Malformed module version");
    }

    [Fact]
    public async Task An_unknown_repository_module_or_version_is_a_404_problem()
    {
        const string module = "example.com/vbrowse/known";
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"));

        await AssertProblemAsync(Versions("nowhere", module, "v1.0.0"), 404, "Repository not found");
        await AssertProblemAsync(Versions("go-hosted", "example.com/vbrowse/unknown", "v1.0.0"), 404, "Module not found");
        await AssertProblemAsync(Versions("go-hosted", module, "v1.0.1"), 404, "Version not found");
        await AssertProblemAsync(Versions("go-hosted", "example.com/vbrowse/Known", "v1.0.0"), 404, "Module not found"); // module paths keep their case
        await AssertProblemAsync(Files("nowhere", module, "v1.0.0", "go.mod"), 404, "Repository not found");
    }

    [Fact]
    public async Task Callers_without_read_get_401_or_403_and_learn_nothing()
    {
        const string module = "example.com/vbrowse/closed";
        await admin.CreateRepositoryAsync(new { name = "vbrowse-closed", format = "go", type = "hosted", anonymousRead = false });
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0"), "vbrowse-closed");
        await SecurityTestData.CreateRoleAsync(factory, "vbrowse-other", "repository:go-hosted:read");
        await SecurityTestData.CreateUserAsync(factory, "vbrowse-outsider", "outsider password 1", "vbrowse-other");
        var outsider = factory.CreateBasicClient("vbrowse-outsider", "outsider password 1");
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Versions("vbrowse-closed", module, "v1.0.0"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Files("vbrowse-closed", module, "v1.0.0", "go.mod"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(Versions("vbrowse-closed", module, "v1.0.0"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(Files("vbrowse-closed", module, "v1.0.0", "go.mod"))).StatusCode);
    }

    private async Task AssertProblemAsync(string url, int status, string title)
    {
        using var response = await admin.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
    }
}
