using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ArtifactHub.Server.Tests.Raw;

/// <summary>A raw group's content and the tree view of the browse API, which the UI's file tree reads.</summary>
public sealed class RawGroupAndBrowseTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_group_serves_each_path_from_the_first_member_that_has_it_and_its_tree_is_the_union()
    {
        var first = await admin.CreateRawAsync("first", "hosted");
        var second = await admin.CreateRawAsync("second", "hosted");
        await admin.PutFileAsync(first, "tools/a.txt", "from first"u8.ToArray());
        await admin.PutFileAsync(second, "tools/a.txt", "from second"u8.ToArray());
        await admin.PutFileAsync(second, "tools/b.txt", "only second"u8.ToArray());
        var group = await admin.CreateRawAsync("group", "group", new { members = new[] { first, second } });

        Assert.Equal("from first", await client.GetStringAsync(RawClient.Url(group, "tools/a.txt")));
        Assert.Equal("only second", await client.GetStringAsync(RawClient.Url(group, "tools/b.txt")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(RawClient.Url(group, "tools/c.txt"))).StatusCode);

        var tree = await client.GetFromJsonAsync<JsonElement>($"/api/v1/repositories/{group}/tree/tools");
        var entries = tree.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["a.txt", "b.txt"], entries.Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(10, entries[0].GetProperty("size").GetInt32()); // "from first": the first member's
    }

    [Fact]
    public async Task The_tree_answers_a_directory_with_sizes_and_digests_a_missing_one_is_a_404_and_a_bad_path_a_400()
    {
        var repo = await admin.CreateRawAsync("browse", "hosted");
        await admin.PutFileAsync(repo, "dist/1.0/app.tar.gz", [1, 2, 3, 4]);
        await admin.PutFileAsync(repo, "README.txt", "r"u8.ToArray());

        var root = await client.GetFromJsonAsync<JsonElement>($"/api/v1/repositories/{repo}/tree");
        var release = await client.GetFromJsonAsync<JsonElement>($"/api/v1/repositories/{repo}/tree/dist/1.0/");

        Assert.Equal(["directory", "file"], root.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        var file = release.GetProperty("entries")[0];
        Assert.Equal(("app.tar.gz", "dist/1.0/app.tar.gz", 4, "application/gzip"),
            (file.GetProperty("name").GetString(), file.GetProperty("path").GetString(), file.GetProperty("size").GetInt32(), file.GetProperty("contentType").GetString()));
        Assert.Equal(64, file.GetProperty("sha256").GetString()!.Length);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/repositories/{repo}/tree/nothing")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/repositories/{repo}/tree/a//b")).StatusCode);
    }

    [Fact]
    public async Task A_view_of_the_other_format_is_a_404_problem_saying_what_the_repository_is()
    {
        var repo = await admin.CreateRawAsync("views", "hosted");

        using var modules = await client.GetAsync($"/api/v1/repositories/{repo}/modules");
        using var tree = await client.GetAsync("/api/v1/repositories/go-hosted/tree");

        Assert.Equal(HttpStatusCode.NotFound, modules.StatusCode);
        Assert.Contains("raw repository", await modules.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, tree.StatusCode);
        Assert.Equal("application/problem+json", tree.Content.Headers.ContentType?.MediaType);
    }
}
