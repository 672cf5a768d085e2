using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.TestSupport;

namespace ArtifactHub.Server.Tests.Api;

/// <summary>The repository list and detail say how many modules and versions each holds and how many bytes its files take.</summary>
public sealed class RepositoryCountsApiTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_hosted_repository_counts_its_modules_versions_and_the_bytes_of_its_files()
    {
        var repository = NewName("counted");
        using var created = await admin.PostAsJsonAsync("/api/v1/repositories", new { name = repository, format = "go", type = "hosted" });
        Assert.Equal((0, 0, 0L), Counts(await created.Content.ReadFromJsonAsync<JsonElement>()));

        var published = new[] { ("example.com/counted/a", "v1.0.0"), ("example.com/counted/a", "v1.1.0"), ("example.com/counted/B", "v0.1.0") };
        long bytes = 0;
        foreach (var (module, version) in published)
        {
            await admin.PublishAsync(module, version, ModuleZipBuilder.Simple(module, version, null, ("x.go", "package x\n")), repository);
            foreach (var file in new[] { "zip", "mod", "info" })
            {
                bytes += (await admin.GetByteArrayAsync(GoClient.Url(module, $"@v/{version}.{file}", repository))).Length;
            }
        }

        var list = await admin.GetJsonAsync<JsonElement>("/api/v1/repositories");
        var listed = list.EnumerateArray().Single(r => r.GetProperty("name").GetString() == repository);
        Assert.Equal((2, 3, bytes), Counts(listed));
        Assert.Equal((2, 3, bytes), Counts(await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{repository}")));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(GoClient.Url("example.com/counted/B", "@v/v0.1.0", repository))).StatusCode);
        var afterDelete = Counts(await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{repository}"));
        Assert.Equal((1, 2), (afterDelete.Modules, afterDelete.Versions));
        Assert.True(afterDelete.Bytes < bytes);
    }

    [Fact]
    public async Task A_group_has_null_counts_written_out_since_its_members_hold_the_content()
    {
        var group = NewName("counted-group");
        using var created = await admin.PostAsJsonAsync("/api/v1/repositories", new { name = group, format = "go", type = "group", group = new { members = new[] { "go-hosted" } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        foreach (var repository in new[]
        {
            await created.Content.ReadFromJsonAsync<JsonElement>(),
            await admin.GetJsonAsync<JsonElement>($"/api/v1/repositories/{group}"),
            (await admin.GetJsonAsync<JsonElement>("/api/v1/repositories")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == group),
        })
        {
            Assert.Equal(JsonValueKind.Null, repository.GetProperty("moduleCount").ValueKind);
            Assert.Equal(JsonValueKind.Null, repository.GetProperty("versionCount").ValueKind);
            Assert.Equal(JsonValueKind.Null, repository.GetProperty("storageBytes").ValueKind);
        }
    }

    private static (int Modules, int Versions, long Bytes) Counts(JsonElement repository) =>
        (repository.GetProperty("moduleCount").GetInt32(), repository.GetProperty("versionCount").GetInt32(), repository.GetProperty("storageBytes").GetInt64());
}
