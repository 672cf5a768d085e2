using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace ArtifactHub.Server.Tests;

/// <summary>The answer of <c>POST /api/v1/maintenance/blob-gc</c>.</summary>
public sealed record BlobGcResult(int Examined, int Deleted, long BytesFreed, int StagedFilesDeleted);

public static class BlobGarbageCollection
{
    public const string Url = "/api/v1/maintenance/blob-gc";

    /// <summary>Runs a collection through the API and insists on 200.</summary>
    public static async Task<BlobGcResult> CollectBlobsAsync(this HttpClient admin)
    {
        using var response = await admin.PostAsync(Url, null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<BlobGcResult>(body, JsonSerializerOptions.Web)!;
    }

    /// <summary>The same server (data folder, database) with garbage-collection settings of the test's choosing.</summary>
    public static WebApplicationFactory<Program> WithGarbageCollection(this WebApplicationFactory<Program> factory, int graceSeconds, int intervalSeconds = 0) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ArtifactHub:GarbageCollection:GracePeriodSeconds"] = graceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ArtifactHub:GarbageCollection:IntervalSeconds"] = intervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })));
}
