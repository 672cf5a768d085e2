using System.Net;
using ArtifactHub.TestSupport;
using System.Text.RegularExpressions;

namespace ArtifactHub.Server.Tests.Hosting;

/// <summary>
/// The browser UI's files at /ui/: open to anyone (they hold no data), every app path answers index.html so links can be
/// reloaded, bundles are cached for good, and nothing of it swallows an API or repository 404. These read the real build
/// of web/ that the server's build writes into its wwwroot (tests/ArtifactHub.UI.Tests drive it in Chromium).
/// </summary>
public sealed class WebUiHostingTests : IDisposable
{
    private static readonly string WebRoot = Path.Combine(RepoPaths.Root, "src", "ArtifactHub.Server", "wwwroot");
    private readonly ArtifactHubFactory factory = new();

    public void Dispose() => factory.Dispose();

    private HttpClient Anonymous() => factory.CreateClient(new() { AllowAutoRedirect = false });

    private static string BuiltIndex()
    {
        var index = Path.Combine(WebRoot, "index.html");
        Assert.True(File.Exists(index), $"{index} is missing: the server's build did not build web/ (is npm on the PATH?)");
        return File.ReadAllText(index);
    }

    /// <summary>The bundle index.html loads: /ui/assets/index-{hash}.js.</summary>
    private static string BundlePath() => Regex.Match(BuiltIndex(), "src=\"(/ui/assets/[^\"]+\\.js)\"").Groups[1].Value;

    [Theory]
    [InlineData("/ui/")]
    [InlineData("/ui/index.html")]
    [InlineData("/ui/repositories")]
    [InlineData("/ui/repositories/go-hosted/modules/example.com/Org/lib@v1.2.3")]
    [InlineData("/ui/admin/repositories/new")]
    public async Task Every_app_path_answers_the_app_to_an_anonymous_browser(string path)
    {
        using var client = Anonymous();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(BuiltIndex(), await response.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_site_root_sends_the_browser_to_the_app()
    {
        using var client = Anonymous();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ui/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_bundle_the_app_loads_is_served_with_its_type_and_cached_for_good()
    {
        using var client = Anonymous();
        var bundle = BundlePath();
        Assert.NotEqual("", bundle);

        using var response = await client.GetAsync(bundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllText(Path.Combine(WebRoot, bundle["/ui/".Length..])), await response.Content.ReadAsStringAsync());
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_missing_bundle_is_a_404_not_the_app()
    {
        using var client = Anonymous();

        using var response = await client.GetAsync("/ui/assets/index-gone.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<!doctype html>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/no-such-endpoint")]
    [InlineData("/repository/go-hosted/example.com/none/@v/list")]
    public async Task The_app_does_not_answer_for_the_api_or_the_repositories(string path)
    {
        using var client = Anonymous();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<!doctype html>", await response.Content.ReadAsStringAsync());
    }
}
