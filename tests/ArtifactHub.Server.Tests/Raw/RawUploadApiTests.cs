using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Tests.Raw;

/// <summary><c>POST /api/v1/repositories/{name}/upload?path=…</c> for raw: the UI's drop of a file into a directory.</summary>
public sealed class RawUploadApiTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();

    [Fact]
    public async Task A_file_uploaded_to_a_path_is_stored_there_and_audited_under_its_content_path()
    {
        var repo = await admin.CreateRawAsync("ui", "hosted");

        using var created = await UploadAsync(repo, "docs/guide v2.pdf", [1, 2, 3]);
        using var again = await UploadAsync(repo, "docs/guide v2.pdf", [1, 2, 3]);
        using var other = await UploadAsync(repo, "docs/guide v2.pdf", [9]);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/pdf", (await created.JsonAsync()).GetProperty("contentType").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("File exists", (await other.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal([1, 2, 3], await admin.GetByteArrayAsync(RawClient.Url(repo, "docs/guide v2.pdf")));
        var audited = await SecurityTestData.AuditEntriesAsync(factory);
        Assert.Contains(audited, e => e.Action == "content.upload" && e.Target == $"{repo}/docs/guide%20v2.pdf" && e.Succeeded);
    }

    [Theory]
    [InlineData(null, "?path=")]
    [InlineData("a/../b", "invalid path")]
    [InlineData("dir/", "directory path")]
    public async Task An_upload_without_a_good_file_path_is_a_400_problem_and_stores_nothing(string? path, string expected)
    {
        var repo = await admin.CreateRawAsync("ui-bad", "hosted");

        using var response = await UploadAsync(repo, path, [1]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Assets.CountAsync(a => a.Repository!.Name == repo)));
        Assert.Empty(factory.StagedFiles());
    }

    [Fact]
    public async Task A_go_upload_names_no_path()
    {
        using var response = await UploadAsync("go-hosted", "x/y.zip", [1]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("without a path", await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> UploadAsync(string repository, string? path, byte[] bytes) =>
        admin.PostAsync($"/api/v1/repositories/{repository}/upload" + (path is null ? "" : "?path=" + Uri.EscapeDataString(path)), new ByteArrayContent(bytes));
}
