using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtifactHub.Formats.Go;

namespace ArtifactHub.Server.Tests;

public sealed record Published(string Module, string Version, string Time, string ZipHash, string ModHash, long Size);

/// <summary>Requests as the go command and a publisher send them, against one repository.</summary>
public static class GoClient
{
    public static string Url(string module, string file, string repository = "go-hosted") =>
        $"/repository/{repository}/{GoModulePath.Escape(module)}/{file}";

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string module, string version, byte[] zip, string repository = "go-hosted") =>
        client.PutAsync(Url(module, $"@v/{GoModulePath.Escape(version)}.zip", repository), new ByteArrayContent(zip));

    public static async Task<Published> PublishAsync(this HttpClient client, string module, string version, byte[] zip, string repository = "go-hosted")
    {
        using var response = await client.UploadAsync(module, version, zip, repository);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<Published>(body, JsonSerializerOptions.Web)!;
    }

    public static async Task<(int Status, string Body)> GetTextAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static Task<T?> GetJsonAsync<T>(this HttpClient client, string url) => client.GetFromJsonAsync<T>(url, JsonSerializerOptions.Web);

    /// <summary>POST /api/v1/repositories (as an admin client); insists on 201 and returns the new repository's name.</summary>
    public static async Task<string> CreateRepositoryAsync(this HttpClient admin, object repository)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/repositories", repository);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("name").GetString()!;
    }

    /// <summary>
    /// Creates a Go proxy repository named <c>{namePrefix}-</c> and eight random hex digits with the <paramref name="proxy"/>
    /// settings, each property of <paramref name="overrides"/> (an anonymous object) replacing or adding one; insists on
    /// 201 and returns the name.
    /// </summary>
    public static Task<string> CreateProxyAsync(
        this HttpClient admin, string namePrefix, IDictionary<string, object> proxy, object? overrides = null, bool online = true)
    {
        var settings = new Dictionary<string, object>(proxy);
        foreach (var property in overrides?.GetType().GetProperties() ?? [])
        {
            settings[property.Name] = property.GetValue(overrides)!;
        }

        var name = namePrefix + "-" + Guid.NewGuid().ToString("N")[..8];
        return admin.CreateRepositoryAsync(new { name, format = "go", type = "proxy", online, proxy = settings });
    }
}
