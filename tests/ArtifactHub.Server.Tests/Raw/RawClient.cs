using System.Text.Json;

namespace ArtifactHub.Server.Tests.Raw;

/// <summary>Requests as curl or a browser send them to raw repositories.</summary>
public static class RawClient
{
    /// <summary>The content URL of a path (each element percent-encoded, a trailing '/' kept).</summary>
    public static string Url(string repository, string path) =>
        $"/repository/{repository}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";

    public static Task<HttpResponseMessage> PutFileAsync(this HttpClient client, string repository, string path, byte[] bytes) =>
        client.PutAsync(Url(repository, path), new ByteArrayContent(bytes));

    /// <summary>Creates a raw repository named <c>{prefix}-</c> and eight random hex digits; insists on 201.</summary>
    public static Task<string> CreateRawAsync(this HttpClient admin, string prefix, string type, object? settings = null, bool online = true)
    {
        var name = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        var body = new Dictionary<string, object?> { ["name"] = name, ["format"] = "raw", ["type"] = type, ["online"] = online };
        if (settings is not null)
        {
            body[type] = settings;
        }

        return admin.CreateRepositoryAsync(body);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
