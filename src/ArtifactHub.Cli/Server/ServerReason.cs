using System.Net;
using System.Text.Json;

namespace ArtifactHub.Cli.Server;

/// <summary>
/// Why the server said no, in its own words: a text/plain body (the content URLs answer so, for the go command) or the
/// <c>detail</c> of RFC 7807 problem details (the API), with a validation problem's field errors.
/// </summary>
internal static class ServerReason
{
    private const int MaxLength = 4000;

    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"HTTP {(int)response.StatusCode} {Phrase(response)}";
        string body;
        try
        {
            body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        }
        catch (HttpRequestException)
        {
            return status;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var reason = mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase) ? FromProblem(body) : body;
        if (string.IsNullOrWhiteSpace(reason) || mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return status; // an HTML error page of a proxy in between says nothing a line could
        }

        return $"{(reason.Length > MaxLength ? reason[..MaxLength] + "…" : reason)} ({status})";
    }

    private static string? FromProblem(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return body;
            }

            var root = json.RootElement;
            var text = Text(root, "detail") ?? Text(root, "title") ?? body;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in errors.EnumerateObject())
                {
                    var messages = field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().Select(m => m.ToString()) : [field.Value.ToString()];
                    text += $"\n  {field.Name}: {string.Join(" ", messages)}";
                }
            }

            return text;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string Phrase(HttpResponseMessage response) =>
        response.ReasonPhrase is { Length: > 0 } phrase ? phrase : ((HttpStatusCode)(int)response.StatusCode).ToString();
}
