using System.Security.Cryptography;
using System.Text;
using ArtifactHub.Core.Blobs;
using ArtifactHub.Formats.Go.Browse;
using ArtifactHub.Storage.AzureBlob;
using ArtifactHub.TestSupport;
using Xunit.Abstractions;

namespace ArtifactHub.Formats.Go.Tests.Browse;

/// <summary>
/// Listing and reading the files of a large stored zip reads its central directory and the entries asked for, not the
/// whole blob: on Azure Blob (Azurite), whose downloads cannot seek, and on disk.
/// </summary>
public sealed class StoredModuleZipTests(ITestOutputHelper output) : IDisposable
{
    private const string Module = "example.com/browse/large";
    private const string Version = "v1.0.0";

    /// <summary>Sixteen 2 MiB files of random bytes (they do not compress) and 300 small ones: a 32 MiB zip.</summary>
    private const int LargeFiles = 16;
    private const int LargeFileBytes = 2 * 1024 * 1024;
    private const int SmallFiles = 300;

    private readonly TempDirectory temp = new();

    [Theory]
    [InlineData("azurite")]
    [InlineData("disk")]
    public async Task Listing_a_large_zips_files_and_reading_one_reads_a_small_part_of_the_blob(string storage)
    {
        var store = await StoreAsync(storage);
        var (sha256, zipSize) = await PutLargeZipAsync(store);
        var counting = new CountingBlobStore(store);
        var staging = Path.Combine(temp.Path, "staging");

        IReadOnlyList<ModuleFile> files;
        bool copied;
        string readme;
        await using (var zip = await StoredModuleZip.OpenAsync(counting, sha256, Module, Version, staging, default))
        {
            Assert.NotNull(zip);
            files = zip.Files();
            copied = Directory.Exists(staging) && Directory.EnumerateFileSystemEntries(staging).Any();
            var entry = zip.Find("README.md");
            Assert.NotNull(entry);
            await using var stream = await entry.OpenAsync();
            readme = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();
        }

        output.WriteLine($"{storage}: listing {files.Count} files and reading README.md of a {zipSize} byte zip read {counting.BytesRead} bytes in {counting.Reads} reads");
        Assert.Equal(LargeFiles + SmallFiles + 2, files.Count);
        Assert.Contains(new ModuleFile("data/blob-07.bin", LargeFileBytes), files);
        Assert.Equal("# Large\n", readme);
        Assert.True(counting.BytesRead < 1024 * 1024, $"read {counting.BytesRead} of {zipSize} bytes in {counting.Reads} reads");
        Assert.InRange(counting.Reads, 1, 8);
        Assert.False(copied, "the zip was copied to a staged file");
    }

    [Fact]
    public async Task A_zip_missing_from_the_store_opens_as_null()
    {
        var store = await StoreAsync("azurite");

        Assert.Null(await StoredModuleZip.OpenAsync(store, new string('b', 64), Module, Version, temp.Path, default));
    }

    private async Task<IBlobStore> StoreAsync(string storage)
    {
        if (storage == "disk")
        {
            return new FileSystemBlobStore(Path.Combine(temp.Path, "blobs"));
        }

        var azurite = await AzuriteServer.SharedAsync();
        return new AzureBlobStore(new AzureBlobRestClient(AzureStorageConnectionString.Parse(azurite.ConnectionString), AzuriteServer.NewContainerName("storedzip")));
    }

    private async Task<(string Sha256, long Size)> PutLargeZipAsync(IBlobStore store)
    {
        var builder = new ModuleZipBuilder(Module, Version).Add("go.mod", $"module {Module}\n").Add("README.md", "# Large\n");
        for (var i = 0; i < LargeFiles; i++)
        {
            builder.Add($"data/blob-{i:D2}.bin", RandomNumberGenerator.GetBytes(LargeFileBytes));
        }

        for (var i = 0; i < SmallFiles; i++)
        {
            builder.Add($"pkg/p{i:D3}/p.go", $"package p{i:D3}\n");
        }

        var path = temp.File("large.zip");
        builder.WriteTo(path);
        await using var file = File.OpenRead(path);
        await using var staged = await StagedFile.WriteAsync(file, temp.File("put"), long.MaxValue, default);
        await store.PutAsync(staged, default);
        return (staged.Sha256, staged.Size);
    }

    public void Dispose() => temp.Dispose();
}
