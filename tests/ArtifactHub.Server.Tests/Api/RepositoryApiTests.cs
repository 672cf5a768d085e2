using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactHub.Server.Tests.Api;

public sealed class RepositoryApiTests(ArtifactHubFactory factory) : IClassFixture<ArtifactHubFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();

    [Fact]
    public async Task First_start_creates_go_hosted()
    {
        var repository = await admin.GetJsonAsync<JsonElement>("/api/v1/repositories/go-hosted");

        Assert.Equal("go", repository.GetProperty("format").GetString());
        Assert.Equal("hosted", repository.GetProperty("type").GetString());
        Assert.True(repository.GetProperty("online").GetBoolean());
        Assert.EndsWith("/repository/go-hosted/", repository.GetProperty("url").GetString());
    }

    [Fact]
    public async Task First_start_dates_the_default_repositories_by_the_servers_clock()
    {
        var now = new DateTimeOffset(2031, 2, 3, 4, 5, 6, TimeSpan.Zero);
        using var fresh = new ArtifactHubFactory();
        using var server = fresh.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(now))));

        var repositories = await server.CreateBasicClient("admin", ArtifactHubFactory.AdminPassword).GetJsonAsync<JsonElement[]>("/api/v1/repositories");

        Assert.Equal(["go-group", "go-hosted", "go-proxy"], repositories!.Select(r => r.GetProperty("name").GetString()).Order());
        Assert.All(repositories!, r => Assert.Equal(now, r.GetProperty("createdAt").GetDateTimeOffset()));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task A_created_repository_can_be_read_listed_changed_and_deleted()
    {
        using var created = await admin.PostAsJsonAsync("/api/v1/repositories", new { name = "team-a", format = "go", type = "hosted" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/repositories/team-a", created.Headers.Location?.OriginalString);

        var list = await admin.GetJsonAsync<JsonElement[]>("/api/v1/repositories");
        Assert.Contains(list!, r => r.GetProperty("name").GetString() == "team-a");

        using var updated = await admin.PutAsJsonAsync("/api/v1/repositories/TEAM-A", new { online = false, hosted = new { writePolicy = "read-only" } });
        var body = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.False(body.GetProperty("online").GetBoolean());
        Assert.Equal("read-only", body.GetProperty("hosted").GetProperty("writePolicy").GetString());

        using var deleted = await admin.DeleteAsync("/api/v1/repositories/team-a");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/repositories/team-a")).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_repository_removes_its_content_and_garbage_collection_reclaims_the_blobs_only_it_used()
    {
        using var created = await admin.PostAsJsonAsync("/api/v1/repositories", new { name = "short-lived", format = "go", type = "hosted" });
        const string module = "example.com/api/shortlived";
        using var collecting = factory.WithGarbageCollection(graceSeconds: 0);
        var collector = collecting.CreateBasicClient("admin", ArtifactHubFactory.AdminPassword);
        await collector.CollectBlobsAsync(); // other tests' leftovers out of the count below
        var blobsBefore = factory.Blobs().Length;
        await admin.PublishAsync(module, "v1.0.0", ModuleZipBuilder.Simple(module, "v1.0.0", null, ("only-here.go", "package shortlived\n")), "short-lived");
        Assert.True(factory.Blobs().Length > blobsBefore);

        using var deleted = await admin.DeleteAsync("/api/v1/repositories/short-lived");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(404, (await factory.CreateClient().GetTextAsync(GoClient.Url(module, "@v/list", "short-lived"))).Status);
        Assert.Equal(0, await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Assets, a => a.Path.StartsWith(module))));

        // The blobs stay until a collection (another node may be storing the same bytes right now); then they go.
        Assert.True((await collector.CollectBlobsAsync()).Deleted > 0);
        Assert.Equal(blobsBefore, factory.Blobs().Length);
    }

    [Fact]
    public async Task Names_are_unique_without_regard_to_case()
    {
        using var first = await admin.PostAsJsonAsync("/api/v1/repositories", new { name = "dup", format = "go", type = "hosted" });
        using var second = await admin.PostAsJsonAsync("/api/v1/repositories", new { name = "dup", format = "go", type = "hosted" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/repositories/DUP")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"Upper","format":"go","type":"hosted"}""", "Name")]
    [InlineData("""{"name":"-dash","format":"go","type":"hosted"}""", "Name")]
    [InlineData("""{"name":"has space","format":"go","type":"hosted"}""", "Name")]
    [InlineData("""{"format":"go","type":"hosted"}""", "Name")]
    [InlineData("""{"name":"fmt","format":"cobol","type":"hosted"}""", "format")]
    [InlineData("""{"name":"grp","format":"go","type":"group"}""", "Group")]
    [InlineData("""{"name":"notype","format":"go"}""", "Type")]
    public async Task An_invalid_repository_is_a_validation_problem_naming_the_field(string json, string field)
    {
        using var response = await admin.PostAsync("/api/v1/repositories", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        // Fields are named as the JSON body spells them (proxy.authentication.type); compared as the UI does, ignoring case.
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Bad_json_is_a_400_not_a_500()
    {
        using var response = await admin.PostAsync("/api/v1/repositories", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_type_and_format_of_a_repository_cannot_change()
    {
        using var response = await admin.PutAsJsonAsync("/api/v1/repositories/go-hosted", new { type = "group" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_repository_is_a_404_problem()
    {
        using var response = await admin.GetAsync("/api/v1/repositories/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
